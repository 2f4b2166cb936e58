/**
 * What a synapse handler may ask of the inference backend. The port lives here, with its consumers, so handlers
 * stay free of I/O imports; `@taonode/inference` implements it (embedded onnxruntime or a Triton/KServe client).
 */
export interface GenerationRequest {
  /** The prompt as text; the byte-level model tokenizes it as its UTF-8 bytes. */
  readonly prompt: string;
  /** Number of tokens to generate (already bounded by the handler). */
  readonly maxTokens: number;
  /** 0 → greedy decoding; above 0 → sampling from softmax(logits / temperature) with a PRNG seeded by `seed`. */
  readonly temperature: number;
  /** The request's seed (any Python int); the sampler reduces it modulo 2^64, so a validator can reproduce it. */
  readonly seed: bigint;
}

/** A finished generation. */
export interface GenerationResult {
  /** The generated text (the prompt excluded). */
  readonly text: string;
  /** Number of tokens generated. */
  readonly tokenCount: number;
}

/** The backend a handler talks to. Both calls stop early (rejecting with the signal's reason) once `signal` aborts. */
export interface TextGenerator {
  generate(request: GenerationRequest, signal: AbortSignal): Promise<GenerationResult>;
  /** Yields the text of each generated token as soon as it exists; joined, equals `generate(...).text`. */
  stream(request: GenerationRequest, signal: AbortSignal): AsyncIterable<string>;
}

/** `generate` in terms of `stream`, for backends whose generation is a token stream: the tokens joined and counted. */
export async function collectGeneration(tokens: AsyncIterable<string>): Promise<GenerationResult> {
  let text = '';
  let tokenCount = 0;
  for await (const token of tokens) {
    text += token;
    tokenCount++;
  }
  return { text, tokenCount };
}
