import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import { BatchingGenerator, EmbeddedOrtBackend, TritonBackend, type InferenceBackend } from '@taonode/inference';
import type { GenerationRequest, GenerationResult, TextGenerator } from '@taonode/synapses';
import type { BackendConfig, InferenceWorkerConfig } from '../config';
import { InferenceWorkerMetricsRepository } from '../inference-worker-metrics.repository';

function createBackend(config: BackendConfig): InferenceBackend {
  switch (config.kind) {
    case 'onnx':
      return new EmbeddedOrtBackend({ source: config.source, intraOpThreads: config.ortThreads });
    case 'triton':
      return new TritonBackend({ url: config.url, model: config.model, timeoutMs: config.timeoutMs });
  }
}

/** The configured backend behind the micro-batcher: what every synapse handler generates text with. */
@Injectable()
export class TextGenerationEngine implements TextGenerator, OnApplicationShutdown {
  private readonly backend: InferenceBackend;
  private readonly generator: BatchingGenerator;

  constructor(@Inject(APP_CONFIG) config: InferenceWorkerConfig, metrics: InferenceWorkerMetricsRepository) {
    this.backend = createBackend(config.backend);
    this.generator = new BatchingGenerator(this.backend, config.batching, metrics);
  }

  /** Loads the model (or checks the Triton server and model are ready); the worker takes jobs only after this. */
  ready(): Promise<void> {
    return this.backend.ready();
  }

  generate(request: GenerationRequest, signal: AbortSignal): Promise<GenerationResult> {
    return this.generator.generate(request, signal);
  }

  stream(request: GenerationRequest, signal: AbortSignal): AsyncIterable<string> {
    return this.generator.stream(request, signal);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.backend.close();
  }
}
