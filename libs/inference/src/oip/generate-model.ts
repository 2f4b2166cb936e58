/**
 * The decoupled "generate" model interface (as Triton's LLM backends expose one): text in, one response per
 * generated token out, final response flagged `triton_final_response`. apps/kserve-server serves it for the
 * synthetic model; the names follow Triton's vLLM/TensorRT-LLM conventions (docs/inference.md §1.5).
 */
export const GENERATE_MODEL = {
  name: 'taonode-bytelm-generate',
  /** BYTES [1]: the prompt, UTF-8. */
  textInput: 'text_input',
  /** INT32 [1]. */
  maxTokens: 'max_tokens',
  /** FP32 [1]; 0 → greedy. */
  temperature: 'temperature',
  /** BYTES [1]: the seed as decimal text (a Python int of any size; the sampler reduces it modulo 2^64). */
  seed: 'seed',
  /** BYTES [1] in each response: the text of one generated token. */
  textOutput: 'text_output',
} as const;
