/**
 * Shape of the project's synthetic byte-level language model (docs/inference-worker.md): a decoder-only transformer
 * whose weights come from a seeded PRNG. It proves the data path and gives real, reproducible compute; its text is
 * gibberish and must be labelled a synthetic test model.
 */
export const BYTELM = {
  /** Triton model name and repository folder. */
  modelName: 'taonode-bytelm',
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

/**
 * sha256 of the model file the builder produces. A test rebuilds the model and compares; the embedded backend
 * refuses a default model file whose digest differs (a stale or tampered cache).
 */
export const BYTELM_SHA256 = 'e88e3b6958681151053bfd332c9a740bc6d58f652ffd67437921d9056f4266de';
