import { setMaxListeners } from 'node:events';
import type { GenerationRequest } from '@taonode/synapses';
import type { InferenceBackend, TokenBatch } from '../../src/backends/inference-backend';
import { BatchingGenerator } from '../../src/generation/batching-generator';
import { emptyKvCache } from '../../src/generation/kv-cache';

/** A signal that never aborts. Every concurrent request listens on it: 64 at once is expected, not a leak. */
export const never = new AbortController().signal;
setMaxListeners(64, never);

/** A generation request: greedy, 24 tokens, unless `overrides` say otherwise. */
export const request = (prompt: string, overrides: Partial<GenerationRequest> = {}): GenerationRequest => ({
  prompt,
  maxTokens: 24,
  temperature: 0,
  seed: 0n,
  ...overrides,
});

/** What each request generates alone (one at a time, batches of one): what a validator reproduces. */
export async function textsAlone(backend: InferenceBackend, requests: readonly GenerationRequest[]): Promise<string[]> {
  const alone = new BatchingGenerator(backend, { maxBatch: 1, batchDelayMs: 0 });
  const texts: string[] = [];
  for (const r of requests) {
    texts.push((await alone.generate(r, never)).text);
  }
  return texts;
}

/** A micro-batching generator that records each forward pass's batch size. */
export function recordingGenerator(
  backend: InferenceBackend,
  maxBatch: number,
): { readonly generator: BatchingGenerator; readonly passes: number[] } {
  const passes: number[] = [];
  const generator = new BatchingGenerator(
    backend,
    { maxBatch, batchDelayMs: 20 },
    { forwardPass: (size) => passes.push(size), tokensGenerated: () => undefined },
  );
  return { generator, passes };
}

/**
 * Sends `requests` at once to a micro-batching generator and expects each to get exactly the text it gets alone,
 * in passes of more than one row (so they really were batched).
 */
export async function expectBatchedTextsEqualAlone(
  backend: InferenceBackend,
  requests: readonly GenerationRequest[],
): Promise<void> {
  const expected = await textsAlone(backend, requests);
  const { generator, passes } = recordingGenerator(backend, 32);
  const together = await Promise.all(requests.map((r) => generator.generate(r, never)));
  expect(together.map((r) => r.text)).toEqual(expected);
  expect(Math.max(...passes)).toBeGreaterThan(1);
}

/** A full recompute of `tokens` (no past), asking for the present cache or not. */
export function fullContext(tokens: readonly number[], returnCache: boolean): TokenBatch {
  return {
    batch: 1,
    seqLength: tokens.length,
    pastLength: 0,
    inputIds: BigInt64Array.from(tokens.map(BigInt)),
    attentionMask: new BigInt64Array(tokens.length).fill(1n),
    past: emptyKvCache(),
    returnCache,
  };
}
