import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { BYTELM, BYTELM_HEAD_DIM, bytelmCacheNames } from '../bytelm/bytelm-spec';
import { ensureBytelmModel, sha256Hex } from '../bytelm/model-repository';
import { InferenceError } from '../errors';
import type { ForwardResult, InferenceBackend, TokenBatch } from './inference-backend';

/** Where the embedded backend takes its model from. */
export type EmbeddedModelSource =
  /** The synthetic model in a Triton-layout repository, generated there on first use and digest-checked. */
  | { readonly kind: 'bytelm'; readonly repository?: string }
  /** An operator's own ONNX file with the same interface; checked against `sha256` when given. */
  | { readonly kind: 'file'; readonly path: string; readonly sha256?: string };

export interface EmbeddedOrtOptions {
  readonly source: EmbeddedModelSource;
  /** onnxruntime intra-op threads per session (1 lets several worker processes share a small machine). */
  readonly intraOpThreads: number;
}

/** onnxruntime-node on the CPU, in process. */
export class EmbeddedOrtBackend implements InferenceBackend {
  private session: Promise<ort.InferenceSession> | undefined;

  constructor(private readonly options: EmbeddedOrtOptions) {}

  async ready(): Promise<void> {
    await this.load();
  }

  async forward(batch: TokenBatch): Promise<ForwardResult> {
    const session = await this.load();
    const cacheDims = [batch.batch, BYTELM.heads, batch.pastLength, BYTELM_HEAD_DIM];
    const feeds: Record<string, ort.Tensor> = {
      [BYTELM.inputIds]: new ort.Tensor('int64', batch.inputIds, [batch.batch, batch.seqLength]),
      [BYTELM.attentionMask]: new ort.Tensor('int64', batch.attentionMask, [
        batch.batch,
        batch.pastLength + batch.seqLength,
      ]),
    };
    const fetches: string[] = [BYTELM.logits];
    for (let layer = 0; layer < BYTELM.layers; layer++) {
      const names = bytelmCacheNames(layer);
      feeds[names.pastKey] = new ort.Tensor('float32', cacheLayer(batch.past.keys, layer), cacheDims);
      feeds[names.pastValue] = new ort.Tensor('float32', cacheLayer(batch.past.values, layer), cacheDims);
      if (batch.returnCache) {
        fetches.push(names.presentKey, names.presentValue);
      }
    }
    const result = await session.run(feeds, fetches);
    const logits = float32Output(result, BYTELM.logits, [batch.batch, BYTELM.vocabSize]);
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
    const session = this.session;
    this.session = undefined;
    if (session !== undefined) {
      await (await session).release();
    }
  }

  private load(): Promise<ort.InferenceSession> {
    this.session ??= this.modelBytes().then((bytes) =>
      ort.InferenceSession.create(bytes, {
        intraOpNumThreads: this.options.intraOpThreads,
        interOpNumThreads: 1,
        executionProviders: ['cpu'],
      }),
    );
    return this.session;
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
