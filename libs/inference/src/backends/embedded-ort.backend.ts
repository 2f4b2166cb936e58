import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { BYTELM, BYTELM_HEAD_DIM, bytelmCacheNames } from '../bytelm/bytelm-spec';
import { ensureBytelmModel, sha256Hex } from '../bytelm/model-repository';
import { InferenceError } from '../errors';
import type { ForwardResult, InferenceBackend, TokenBatch } from './inference-backend';
import { detectModelInterface, type ModelInterface, type ModelValue } from './model-interface';

/** Where the embedded backend takes its model from. */
export type EmbeddedModelSource =
  /** The synthetic model in a Triton-layout repository, generated there on first use and digest-checked. */
  | { readonly kind: 'bytelm'; readonly repository?: string }
  /**
   * An operator's own ONNX file, with the synthetic model's KV-cache interface or a plain one (token ids in, logits
   * out: run by a full recompute each step); checked against `sha256` when given.
   */
  | { readonly kind: 'file'; readonly path: string; readonly sha256?: string };

export interface EmbeddedOrtOptions {
  readonly source: EmbeddedModelSource;
  /** onnxruntime intra-op threads per session (1 lets several worker processes share a small machine). */
  readonly intraOpThreads: number;
}

/** A session and how its model is driven, both settled at load. */
interface LoadedModel {
  readonly session: ort.InferenceSession;
  readonly modelInterface: ModelInterface;
}

/** onnxruntime-node on the CPU, in process. */
export class EmbeddedOrtBackend implements InferenceBackend {
  private loaded: Promise<LoadedModel> | undefined;

  constructor(private readonly options: EmbeddedOrtOptions) {}

  async ready(): Promise<void> {
    await this.load();
  }

  async modelInterface(): Promise<ModelInterface> {
    return (await this.load()).modelInterface;
  }

  async forward(batch: TokenBatch): Promise<ForwardResult> {
    const { session, modelInterface } = await this.load();
    if (modelInterface.kind === 'full-recompute' && (batch.pastLength > 0 || batch.returnCache)) {
      throw new InferenceError(
        'TAONODE_INFERENCE_MODEL_INVALID',
        'the model has no KV cache: a pass must carry the whole context and ask for no cache',
      );
    }
    const feeds: Record<string, ort.Tensor> = {
      [BYTELM.inputIds]: new ort.Tensor('int64', batch.inputIds, [batch.batch, batch.seqLength]),
    };
    if (modelInterface.attentionMask) {
      feeds[BYTELM.attentionMask] = new ort.Tensor('int64', batch.attentionMask, [
        batch.batch,
        batch.pastLength + batch.seqLength,
      ]);
    }
    const fetches: string[] = [BYTELM.logits];
    if (modelInterface.kind === 'kv-cache') {
      const cacheDims = [batch.batch, BYTELM.heads, batch.pastLength, BYTELM_HEAD_DIM];
      for (let layer = 0; layer < BYTELM.layers; layer++) {
        const names = bytelmCacheNames(layer);
        feeds[names.pastKey] = new ort.Tensor('float32', cacheLayer(batch.past.keys, layer), cacheDims);
        feeds[names.pastValue] = new ort.Tensor('float32', cacheLayer(batch.past.values, layer), cacheDims);
        if (batch.returnCache) {
          fetches.push(names.presentKey, names.presentValue);
        }
      }
    }
    const result = await session.run(feeds, fetches);
    const logits = lastPositionLogits(result, batch);
    if (!batch.returnCache) {
      return { logits };
    }
    const presentDims = [batch.batch, BYTELM.heads, batch.pastLength + batch.seqLength, BYTELM_HEAD_DIM];
    const layers = Array.from({ length: BYTELM.layers }, (_, layer) => bytelmCacheNames(layer));
    return {
      logits,
      present: {
        keys: layers.map((names) => float32Output(result, names.presentKey, presentDims)),
        values: layers.map((names) => float32Output(result, names.presentValue, presentDims)),
      },
    };
  }

  async close(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = undefined;
    // A model that failed to load holds no session (openSession released it): nothing to release, nothing to report.
    const model = await loaded?.catch(() => undefined);
    await model?.session.release();
  }

  private load(): Promise<LoadedModel> {
    this.loaded ??= this.openSession();
    return this.loaded;
  }

  /** Opens the model and reads its interface; a model the engine cannot drive is released and refused here. */
  private async openSession(): Promise<LoadedModel> {
    const session = await ort.InferenceSession.create(await this.modelBytes(), {
      intraOpNumThreads: this.options.intraOpThreads,
      interOpNumThreads: 1,
      executionProviders: ['cpu'],
    });
    try {
      return {
        session,
        modelInterface: detectModelInterface(session.inputMetadata.map(valueOf), session.outputMetadata.map(valueOf)),
      };
    } catch (error) {
      await session.release();
      throw error;
    }
  }

  private async modelBytes(): Promise<Uint8Array> {
    const source = this.options.source;
    switch (source.kind) {
      case 'bytelm':
        return ensureBytelmModel(source.repository);
      case 'file': {
        const bytes = await readFile(source.path);
        if (source.sha256 !== undefined && sha256Hex(bytes) !== source.sha256.toLowerCase()) {
          throw new InferenceError(
            'TAONODE_INFERENCE_MODEL_DIGEST_MISMATCH',
            `${source.path} does not have the configured sha256`,
          );
        }
        return bytes;
      }
    }
  }
}

function cacheLayer(layers: readonly Float32Array[], layer: number): Float32Array {
  const tensor = layers[layer];
  if (tensor === undefined) {
    throw new InferenceError('TAONODE_INFERENCE_MODEL_INVALID', `the past cache has no layer ${layer}`);
  }
  return tensor;
}

function valueOf(metadata: ort.InferenceSession.ValueMetadata): ModelValue {
  return metadata.isTensor ? { name: metadata.name, type: metadata.type } : { name: metadata.name, type: 'non-tensor' };
}

/**
 * The logits of each row's last position, [batch, 256]: the synthetic model outputs only those; a plain model may
 * output every position's ([batch, seq, 256]), of which the last is taken.
 */
function lastPositionLogits(result: ort.InferenceSession.ReturnType, batch: TokenBatch): Float32Array {
  const output = result[BYTELM.logits];
  if (output?.dims.length !== 3) {
    return float32Output(result, BYTELM.logits, [batch.batch, BYTELM.vocabSize]);
  }
  const all = float32Output(result, BYTELM.logits, [batch.batch, batch.seqLength, BYTELM.vocabSize]);
  const last = new Float32Array(batch.batch * BYTELM.vocabSize);
  for (let row = 0; row < batch.batch; row++) {
    const from = (row * batch.seqLength + batch.seqLength - 1) * BYTELM.vocabSize;
    last.set(all.subarray(from, from + BYTELM.vocabSize), row * BYTELM.vocabSize);
  }
  return last;
}

/** A model output, checked to be float32 of exactly `dims` (an operator's model must keep the interface). */
function float32Output(result: ort.InferenceSession.ReturnType, name: string, dims: readonly number[]): Float32Array {
  const output = result[name];
  if (output?.type !== 'float32' || output.dims.join() !== dims.join()) {
    throw new InferenceError(
      'TAONODE_INFERENCE_MODEL_INVALID',
      `model output '${name}' is not float32 [${dims.join(', ')}]`,
    );
  }
  return output.data as Float32Array;
}
