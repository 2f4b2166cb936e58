/**
 * Shape of the project's synthetic byte-level language model (docs/inference-worker.md): a decoder-only transformer
 * whose weights come from a seeded PRNG. It proves the data path and gives real, reproducible compute; its text is
 * gibberish and must be labelled a synthetic test model.
 */
export const BYTELM = {
  /** Triton model name and repository folder. */
  modelName: 'taonode-bytelm',
  /**
   * Triton model version (repository folder `<model>/<version>/`). Version 2 added the KV cache inputs and outputs;
   * a new graph takes a new version, so a checkout's cached older file is left alone rather than refused.
   */
  modelVersion: '2',
  /** UTF-8 bytes: no tokenizer file. */
  vocabSize: 256,
  modelDim: 64,
  heads: 4,
  layers: 2,
  feedForwardDim: 256,
  /** Longest input the model accepts; the generation loop keeps the last `contextLength` tokens. */
  contextLength: 256,
  opset: 17,
  /** Seed of the weight PRNG: changing it (or the builder) changes the model and its sha256. */
  weightSeed: 0x7a0_0de,
  inputIds: 'input_ids',
  attentionMask: 'attention_mask',
  logits: 'logits',
} as const;

/** Names of the key/value cache tensors of `layer` ([batch, heads, length, head_dim] float32). */
export const bytelmCacheNames = (
  layer: number,
): {
  readonly pastKey: string;
  readonly pastValue: string;
  readonly presentKey: string;
  readonly presentValue: string;
} => ({
  pastKey: `past_key_${layer}`,
  pastValue: `past_value_${layer}`,
  presentKey: `present_key_${layer}`,
  presentValue: `present_value_${layer}`,
});

/** Elements per cached position of one layer's key (or value) tensor, per sequence. */
export const BYTELM_HEAD_DIM = BYTELM.modelDim / BYTELM.heads;

/**
 * sha256 of the model file the builder produces. A test rebuilds the model and compares; the embedded backend
 * refuses a default model file whose digest differs (a stale or tampered cache).
 */
export const BYTELM_SHA256 = '9dff6a01c92477d8b24289e8cbe6e13372b8175477c17637997ebc7c6ab45f40';
