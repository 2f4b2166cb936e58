import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { BYTELM } from '../bytelm/bytelm-spec';
import { ensureBytelmModel, sha256Hex } from '../bytelm/model-repository';
import { InferenceError } from '../errors';
import type { InferenceBackend, TokenBatch } from './inference-backend';

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

  async logits(batch: TokenBatch): Promise<Float32Array> {
    const session = await this.load();
    const dims = [batch.batch, batch.seqLength];
    const result = await session.run({
      [BYTELM.inputIds]: new ort.Tensor('int64', batch.inputIds, dims),
      [BYTELM.attentionMask]: new ort.Tensor('int64', batch.attentionMask, dims),
    });
    const logits = result[BYTELM.logits];
    if (logits?.type !== 'float32' || logits.dims.length !== 2 || logits.dims[1] !== BYTELM.vocabSize) {
      throw new InferenceError(
        'TAONODE_INFERENCE_MODEL_INVALID',
        `model output '${BYTELM.logits}' is not float32 [batch, 256]`,
      );
    }
    return logits.data as Float32Array;
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
