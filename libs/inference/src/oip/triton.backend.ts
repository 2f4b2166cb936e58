import {
  collectGeneration,
  type GenerationRequest,
  type GenerationResult,
  type TextGenerator,
} from '@taonode/synapses';
import type { ForwardResult, InferenceBackend, TokenBatch } from '../backends/inference-backend';
import { KV_CACHE_INTERFACE, type ModelInterface } from '../backends/model-interface';
import { BYTELM, BYTELM_HEAD_DIM, bytelmCacheNames } from '../bytelm/bytelm-spec';
import { InferenceError } from '../errors';
import { cacheRowElements } from '../generation/kv-cache';
import { GENERATE_MODEL } from './generate-model';
import { OipClient, type OipClientOptions } from './oip-client';
import { decodeBytesTensor, encodeBytesTensor, rawBytes, readFloat32 } from './tensor-codec';

export interface TritonBackendOptions extends OipClientOptions {
  /** The logits model (docker/triton serves `taonode-bytelm`). */
  readonly model: string;
}

/**
 * Runs the byte-level model on a Triton (or KServe v2) server: ModelInfer with raw INT64 tokens and the raw FP32
 * past cache, raw FP32 logits (and the present cache, when asked) back. Generation, sampling, micro-batching and the
 * cache stay in the worker, which runs the same schedule of passes as with the embedded backend, so answers equal
 * its answers (exactly, on a CPU onnxruntime server such as apps/kserve-server).
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

  /** The server serves the synthetic model (docker/triton, apps/kserve-server), whose interface has the cache. */
  modelInterface(): Promise<ModelInterface> {
    return Promise.resolve(KV_CACHE_INTERFACE);
  }

  async forward(batch: TokenBatch, signal?: AbortSignal): Promise<ForwardResult> {
    const idsShape = [String(batch.batch), String(batch.seqLength)];
    const maskShape = [String(batch.batch), String(batch.pastLength + batch.seqLength)];
    const cacheShape = [batch.batch, BYTELM.heads, batch.pastLength, BYTELM_HEAD_DIM].map(String);
    const inputs: { name: string; datatype: string; shape: string[]; raw: Uint8Array }[] = [
      { name: BYTELM.inputIds, datatype: 'INT64', shape: idsShape, raw: rawBytes(batch.inputIds) },
      { name: BYTELM.attentionMask, datatype: 'INT64', shape: maskShape, raw: rawBytes(batch.attentionMask) },
    ];
    const outputs: string[] = [BYTELM.logits];
    layerNames().forEach((names, layer) => {
      inputs.push(
        { name: names.pastKey, datatype: 'FP32', shape: cacheShape, raw: rawLayer(batch.past.keys, layer) },
        { name: names.pastValue, datatype: 'FP32', shape: cacheShape, raw: rawLayer(batch.past.values, layer) },
      );
      if (batch.returnCache) {
        outputs.push(names.presentKey, names.presentValue);
      }
    });
    const response = await this.client.modelInfer(
      {
        modelName: this.options.model,
        inputs: inputs.map(({ name, datatype, shape }) => ({
          name,
          datatype,
          shape,
          parameters: {},
          contents: undefined,
        })),
        outputs: outputs.map((name) => ({ name, parameters: {} })),
        rawInputContents: inputs.map((input) => input.raw),
      },
      signal,
    );
    const output = (name: string, count: number): Float32Array => {
      const raw = response.rawOutputContents[response.outputs.findIndex((o) => o.name === name)];
      if (raw === undefined) {
        throw new InferenceError('TAONODE_INFERENCE_BACKEND_FAILED', `response has no raw '${name}' output`);
      }
      return readFloat32(raw, count);
    };
    const logits = output(BYTELM.logits, batch.batch * BYTELM.vocabSize);
    if (!batch.returnCache) {
      return { logits };
    }
    const presentCount = batch.batch * cacheRowElements(batch.pastLength + batch.seqLength);
    return {
      logits,
      present: {
        keys: layerNames().map((names) => output(names.presentKey, presentCount)),
        values: layerNames().map((names) => output(names.presentValue, presentCount)),
      },
    };
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

  generate(request: GenerationRequest, signal: AbortSignal): Promise<GenerationResult> {
    return collectGeneration(this.stream(request, signal));
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

const layerNames = (): ReturnType<typeof bytelmCacheNames>[] =>
  Array.from({ length: BYTELM.layers }, (_, layer) => bytelmCacheNames(layer));

function rawLayer(layers: readonly Float32Array[], layer: number): Buffer {
  const tensor = layers[layer];
  if (tensor === undefined) {
    throw new InferenceError('TAONODE_INFERENCE_MODEL_INVALID', `the past cache has no layer ${layer}`);
  }
  return rawBytes(tensor);
}
