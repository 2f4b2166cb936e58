import type { GenerationRequest, GenerationResult, TextGenerator } from '@taonode/synapses';
import type { InferenceBackend, TokenBatch } from '../backends/inference-backend';
import { BYTELM } from '../bytelm/bytelm-spec';
import { InferenceError } from '../errors';
import { GENERATE_MODEL } from './generate-model';
import { OipClient, type OipClientOptions } from './oip-client';
import { decodeBytesTensor, encodeBytesTensor, rawBytes, readFloat32 } from './tensor-codec';

export interface TritonBackendOptions extends OipClientOptions {
  /** The logits model (docker/triton serves `taonode-bytelm`). */
  readonly model: string;
}

/**
 * Runs the byte-level model on a Triton (or KServe v2) server: ModelInfer with raw INT64 inputs, raw FP32 logits
 * back. Generation, sampling and micro-batching stay in the worker, so answers equal the embedded backend's.
 */
export class TritonBackend implements InferenceBackend {
  private readonly client: OipClient;

  constructor(private readonly options: TritonBackendOptions) {
    this.client = new OipClient(options);
  }

  async ready(): Promise<void> {
    if (!(await this.client.serverReady()) || !(await this.client.modelReady(this.options.model))) {
      throw new InferenceError('TAONODE_INFERENCE_BACKEND_UNAVAILABLE', `model '${this.options.model}' is not ready`);
    }
  }

  async logits(batch: TokenBatch, signal?: AbortSignal): Promise<Float32Array> {
    const shape = [String(batch.batch), String(batch.seqLength)];
    const response = await this.client.modelInfer(
      {
        modelName: this.options.model,
        inputs: [
          { name: BYTELM.inputIds, datatype: 'INT64', shape, parameters: {}, contents: undefined },
          { name: BYTELM.attentionMask, datatype: 'INT64', shape, parameters: {}, contents: undefined },
        ],
        outputs: [{ name: BYTELM.logits, parameters: {} }],
        rawInputContents: [rawBytes(batch.inputIds), rawBytes(batch.attentionMask)],
      },
      signal,
    );
    const index = response.outputs.findIndex((output) => output.name === BYTELM.logits);
    const raw = response.rawOutputContents[index];
    if (raw === undefined) {
      throw new InferenceError('TAONODE_INFERENCE_BACKEND_FAILED', `response has no raw '${BYTELM.logits}' output`);
    }
    return readFloat32(raw, batch.batch * BYTELM.vocabSize);
  }

  close(): Promise<void> {
    this.client.close();
    return Promise.resolve();
  }
}

/**
 * Text generation by a decoupled generate model (GENERATE_MODEL) over ModelStreamInfer: the server generates and
 * streams one response per token. Usable against any server exposing that interface.
 */
export class TritonStreamingGenerator implements TextGenerator {
  private readonly client: OipClient;

  constructor(
    options: OipClientOptions,
    private readonly model: string = GENERATE_MODEL.name,
  ) {
    this.client = new OipClient(options);
  }

  async generate(request: GenerationRequest, signal: AbortSignal): Promise<GenerationResult> {
    let text = '';
    let tokenCount = 0;
    for await (const token of this.stream(request, signal)) {
      text += token;
      tokenCount++;
    }
    return { text, tokenCount };
  }

  async *stream(request: GenerationRequest, signal: AbortSignal): AsyncIterable<string> {
    const one = ['1'];
    const responses = this.client.modelStreamInfer(
      {
        modelName: this.model,
        inputs: [
          { name: GENERATE_MODEL.textInput, datatype: 'BYTES', shape: one, parameters: {}, contents: undefined },
          { name: GENERATE_MODEL.maxTokens, datatype: 'INT32', shape: one, parameters: {}, contents: undefined },
          { name: GENERATE_MODEL.temperature, datatype: 'FP32', shape: one, parameters: {}, contents: undefined },
          { name: GENERATE_MODEL.seed, datatype: 'BYTES', shape: one, parameters: {}, contents: undefined },
        ],
        outputs: [{ name: GENERATE_MODEL.textOutput, parameters: {} }],
        rawInputContents: [
          encodeBytesTensor([request.prompt]),
          rawBytes(Int32Array.of(request.maxTokens)),
          rawBytes(Float32Array.of(request.temperature)),
          encodeBytesTensor([request.seed.toString()]),
        ],
      },
      signal,
    );
    for await (const response of responses) {
      const index = response.outputs.findIndex((output) => output.name === GENERATE_MODEL.textOutput);
      const raw = response.rawOutputContents[index];
      if (raw === undefined) {
        throw new InferenceError(
          'TAONODE_INFERENCE_BACKEND_FAILED',
          `response has no raw '${GENERATE_MODEL.textOutput}'`,
        );
      }
      for (const element of decodeBytesTensor(raw)) {
        yield element.toString('utf8');
      }
    }
  }

  close(): void {
    this.client.close();
  }
}
