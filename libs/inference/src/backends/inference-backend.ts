/** One batched forward pass: `batch` rows of `seqLength` tokens, row-major, left-padded (mask 0 on padding). */
export interface TokenBatch {
  readonly batch: number;
  readonly seqLength: number;
  readonly inputIds: BigInt64Array;
  readonly attentionMask: BigInt64Array;
}

/**
 * Runs the byte-level model: token batch in, last-position logits out (float32, `batch` × 256, row-major).
 * Implementations: EmbeddedOrtBackend (onnxruntime-node in process) and TritonBackend (OIP v2 over gRPC).
 */
export interface InferenceBackend {
  /** Resolves when the backend can serve (model loaded, server and model ready). */
  ready(): Promise<void>;
  logits(batch: TokenBatch, signal?: AbortSignal): Promise<Float32Array>;
  close(): Promise<void>;
}
