import type { ModelInterface } from './model-interface';

/**
 * Per layer, the cached keys and values of a batch's context: float32 [batch, heads, length, head_dim] each,
 * row-major (one sequence's block is contiguous). `keys[i]` / `values[i]` are the model's `past_key_i` /
 * `past_value_i` inputs and `present_key_i` / `present_value_i` outputs.
 */
export interface KvCache {
  readonly keys: readonly Float32Array[];
  readonly values: readonly Float32Array[];
}

/**
 * One batched forward pass: `batch` rows of `seqLength` new tokens, each continuing `pastLength` cached tokens
 * (0: a full recompute of the context in `inputIds`). Row-major, left-padded (mask 0 on padding).
 */
export interface TokenBatch {
  readonly batch: number;
  readonly seqLength: number;
  readonly pastLength: number;
  /** [batch, seqLength]: the new tokens. */
  readonly inputIds: BigInt64Array;
  /** [batch, pastLength + seqLength]: the whole context, past included. */
  readonly attentionMask: BigInt64Array;
  /** The cache of the first `pastLength` tokens (empty arrays when 0). */
  readonly past: KvCache;
  /** Whether to return the present cache; a pass that will not be continued skips fetching (or shipping) it. */
  readonly returnCache: boolean;
}

export interface ForwardResult {
  /** float32 [batch, 256], row-major: the last position's logits. */
  readonly logits: Float32Array;
  /** [batch, heads, pastLength + seqLength, head_dim] per layer, when `returnCache` was set. */
  readonly present?: KvCache;
}

/**
 * Runs the byte-level model: token batch (and its past cache) in, last-position logits (and the present cache) out.
 * Implementations: EmbeddedOrtBackend (onnxruntime-node in process) and TritonBackend (OIP v2 over gRPC); both run
 * the same graph on the same tensors, so a generation gives the same text on either (on the same CPU runtime).
 */
export interface InferenceBackend {
  /** Resolves when the backend can serve (model loaded, server and model ready). */
  ready(): Promise<void>;
  /**
   * How the loaded model is driven (read once, at load): with a KV cache, or by a full recompute of the context each
   * step (then every batch has `pastLength` 0 and `returnCache` false).
   */
  modelInterface(): Promise<ModelInterface>;
  forward(batch: TokenBatch, signal?: AbortSignal): Promise<ForwardResult>;
  close(): Promise<void>;
}
