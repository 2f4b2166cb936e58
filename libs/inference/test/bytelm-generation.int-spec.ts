/**
 * @jest-environment ../../../libs/testing/ort-test-environment.js
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedOrtBackend } from '../src/backends/embedded-ort.backend';
import type { InferenceBackend, TokenBatch } from '../src/backends/inference-backend';
import { KV_CACHE_INTERFACE } from '../src/backends/model-interface';
import { buildBytelmModel } from '../src/bytelm/bytelm-builder';
import { BYTELM, BYTELM_SHA256 } from '../src/bytelm/bytelm-spec';
import { ensureBytelmModel, modelFilePath, sha256Hex } from '../src/bytelm/model-repository';
import { InferenceError } from '../src/errors';
import { BatchingGenerator } from '../src/generation/batching-generator';
import { emptyKvCache } from '../src/generation/kv-cache';
import { TokenSampler } from '../src/generation/token-sampler';
import {
  expectBatchedTextsEqualAlone,
  never,
  recordingGenerator,
  request,
  textsAlone,
  fullContext,
} from './support/generation-parity';

describe('the synthetic byte-level model', () => {
  let repository: string;
  let backend: EmbeddedOrtBackend;

  beforeAll(async () => {
    repository = mkdtempSync(join(tmpdir(), 'bytelm-'));
    backend = new EmbeddedOrtBackend({ source: { kind: 'bytelm', repository }, intraOpThreads: 1 });
    await backend.ready();
  });

  afterAll(async () => {
    await backend.close();
    rmSync(repository, { recursive: true, force: true });
  });

  it('builds to the committed sha256 every time', () => {
    expect(sha256Hex(buildBytelmModel())).toBe(BYTELM_SHA256);
    expect(sha256Hex(buildBytelmModel())).toBe(BYTELM_SHA256);
  });

  it('is generated into the Triton repository layout on first use and refused when altered', async () => {
    const altered = mkdtempSync(join(tmpdir(), 'bytelm-altered-'));
    try {
      await ensureBytelmModel(altered);
      writeFileSync(modelFilePath(altered), 'not the model');
      await expect(ensureBytelmModel(altered)).rejects.toMatchObject({
        code: 'TAONODE_INFERENCE_MODEL_DIGEST_MISMATCH',
      });
      await expect(ensureBytelmModel(altered)).rejects.toBeInstanceOf(InferenceError);
    } finally {
      rmSync(altered, { recursive: true, force: true });
    }
  });

  it('decodes greedily to the same text on every run, max_tokens long', async () => {
    const generator = new BatchingGenerator(backend, { maxBatch: 8, batchDelayMs: 0 });
    const first = await generator.generate(request('The quick brown fox'), never);
    const second = await generator.generate(request('The quick brown fox'), never);
    expect(first.text).toHaveLength(24);
    expect(first.tokenCount).toBe(24);
    expect(second).toEqual(first);
  });

  it('samples reproducibly from the seed (reduced modulo 2^64), and differently for another seed', async () => {
    const generator = new BatchingGenerator(backend, { maxBatch: 8, batchDelayMs: 0 });
    const sampled = (seed: bigint): Promise<string> =>
      generator.generate(request('hello', { temperature: 1.5, seed, maxTokens: 40 }), never).then((r) => r.text);
    const a = await sampled(42n);
    expect(await sampled(42n)).toBe(a);
    expect(await sampled(42n + (1n << 64n))).toBe(a);
    expect(await sampled(43n)).not.toBe(a);
    expect(a).not.toBe((await generator.generate(request('hello', { maxTokens: 40 }), never)).text);
  });

  it('streams the same tokens it generates, one chunk per token', async () => {
    const generator = new BatchingGenerator(backend, { maxBatch: 8, batchDelayMs: 0 });
    const chunks: string[] = [];
    for await (const chunk of generator.stream(request('stream me', { temperature: 0.7, seed: 7n }), never)) {
      chunks.push(chunk);
    }
    const whole = await generator.generate(request('stream me', { temperature: 0.7, seed: 7n }), never);
    expect(chunks).toHaveLength(24);
    expect(chunks.join('')).toBe(whole.text);
  });

  it('gives a prompt the same output alone as inside a left-padded batch', async () => {
    const prompt = 'batch invariance';
    const others = ['x', 'a much longer prompt than the first one'];
    const alone = await greedyWithLeftPadding(backend, [prompt], 16);
    const batched = await greedyWithLeftPadding(backend, [others[0] ?? '', prompt, others[1] ?? ''], 16);
    expect(batched.texts[1]).toBe(alone.texts[0]);
    // Not bit-exact (reduction lengths differ with padding), but far inside what could move a decision.
    expect(batched.maxLogitDifference(alone, 1, 0)).toBeLessThan(1e-4);
  });

  it('gives every request of a micro-batch the text it gets alone, greedy and sampled', async () => {
    const requests = [
      request('short'),
      request('a medium prompt', { temperature: 0.9, seed: 3n }),
      request('short', { temperature: 0.9, seed: 5n }),
      request('the longest prompt of the three', { maxTokens: 10 }),
    ];
    await expectBatchedTextsEqualAlone(backend, requests);
  });

  it('continues a cached context to the logits of a full recompute (within float32 noise)', async () => {
    const tokens = [...Buffer.from('cache me if you can, said the model', 'utf8')];
    const prefillLength = 12;
    let result = await backend.forward(fullContext(tokens.slice(0, prefillLength), true));
    for (let length = prefillLength + 1; length <= tokens.length; length++) {
      const present = result.present;
      if (present === undefined) {
        throw new Error('a pass asked for the cache returned none');
      }
      result = await backend.forward({
        batch: 1,
        seqLength: 1,
        pastLength: length - 1,
        inputIds: BigInt64Array.of(BigInt(tokens[length - 1] ?? 0)),
        attentionMask: new BigInt64Array(length).fill(1n),
        past: present,
        returnCache: true,
      });
      const full = await backend.forward(fullContext(tokens.slice(0, length), false));
      expect(full.present).toBeUndefined();
      expect(maxDifference(result.logits, full.logits)).toBeLessThan(1e-4);
    }
    expect(result.present?.keys[0]).toHaveLength(BYTELM.heads * tokens.length * 16);
  });

  it('runs a prompt once, then one token per pass for the whole micro-batch from the cache', async () => {
    const passes: Pick<TokenBatch, 'batch' | 'seqLength' | 'pastLength'>[] = [];
    const recording: InferenceBackend = {
      ready: () => backend.ready(),
      modelInterface: () => backend.modelInterface(),
      forward: (batch) => {
        passes.push({ batch: batch.batch, seqLength: batch.seqLength, pastLength: batch.pastLength });
        return backend.forward(batch);
      },
      close: () => Promise.resolve(),
    };
    const generator = new BatchingGenerator(recording, { maxBatch: 32, batchDelayMs: 50 });
    const prompts = Array.from({ length: 32 }, (_, i) => `prompt ${String(i).padStart(2, '0')}`);
    await Promise.all(
      prompts.map((p, i) => generator.generate(request(p, { temperature: 0.8, seed: BigInt(i) }), never)),
    );
    const promptLength = prompts[0]?.length ?? 0;
    expect(passes).toEqual([
      { batch: 32, seqLength: promptLength, pastLength: 0 },
      ...Array.from({ length: 23 }, (_, i) => ({ batch: 32, seqLength: 1, pastLength: promptLength + i })),
    ]);
  });

  it('starts a burst of arrivals as one prefill pass, however long the burst, while each gap is short', async () => {
    const passes: number[] = [];
    const generator = new BatchingGenerator(
      backend,
      // A gap far shorter than batchDelayMs between arrivals, the burst longer than it in all.
      { maxBatch: 32, batchDelayMs: 300, maxBatchDelayMs: 60_000 },
      { forwardPass: (size) => passes.push(size), tokensGenerated: () => undefined },
    );
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      pending.push(generator.generate(request(`burst ${String(i).padStart(2, '0')}`, { maxTokens: 4 }), never));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(pending);
    expect(passes).toEqual([20, 20, 20, 20]);
  });

  it('gives each of 32 concurrent requests exactly its text alone: mixed lengths, seeds, one joining late', async () => {
    const requests = Array.from({ length: 32 }, (_, i) =>
      request(`request ${i % 5 === 0 ? 'with a longer prompt ' : ''}${i % 3}`, {
        temperature: i % 4 === 0 ? 0 : 0.5 + (i % 7) / 5,
        seed: BigInt(i) * 1_000_003n,
        maxTokens: 16 + (i % 9),
      }),
    );
    const late = request('joins mid-generation', { temperature: 1.1, seed: 77n, maxTokens: 20 });
    const expected = await textsAlone(backend, [...requests, late]);
    const { generator: batched, passes } = recordingGenerator(backend, 33);
    let joined: Promise<{ text: string }> | undefined;
    const streamed = async (): Promise<{ text: string }> => {
      let text = '';
      for await (const chunk of batched.stream(requests[0] ?? late, never)) {
        text += chunk;
        // After its third token the others are mid-generation: the late request gets its own prefill and group.
        if (text.length === 3) {
          joined = batched.generate(late, never);
        }
      }
      return { text };
    };
    const together = [streamed(), ...requests.slice(1).map((r) => batched.generate(r, never))];
    const texts = (await Promise.all(together)).map((r) => r.text);
    texts.push((await (joined ?? Promise.reject(new Error('the late request never started')))).text);
    expect(texts).toEqual(expected);
    expect(Math.max(...passes)).toBeGreaterThanOrEqual(16);
  });

  it('keeps generating past the context window, the same alone and batched', async () => {
    const long = request('w'.repeat(BYTELM.contextLength - 6), { temperature: 0.9, seed: 11n, maxTokens: 16 });
    const alone = await new BatchingGenerator(backend, { maxBatch: 1, batchDelayMs: 0 }).generate(long, never);
    expect(alone.tokenCount).toBe(16);
    const batched = new BatchingGenerator(backend, { maxBatch: 8, batchDelayMs: 20 });
    const [inBatch] = await Promise.all([
      batched.generate(long, never),
      batched.generate(request('short company'), never),
      batched.generate(request('x'.repeat(BYTELM.contextLength + 40), { maxTokens: 8 }), never),
    ]);
    expect(inBatch).toEqual(alone);
  });

  it('stops a sequence whose signal aborts and reports the reason', async () => {
    const generator = new BatchingGenerator(backend, { maxBatch: 8, batchDelayMs: 0 });
    const controller = new AbortController();
    const reason = new Error('deadline');
    const chunks: string[] = [];
    const consume = async (): Promise<void> => {
      for await (const chunk of generator.stream(request('abort', { maxTokens: 200 }), controller.signal)) {
        chunks.push(chunk);
        if (chunks.length === 3) {
          controller.abort(reason);
        }
      }
    };
    await expect(consume()).rejects.toBe(reason);
    expect(chunks.length).toBeLessThan(200);
  });
});

describe('cancellation before the first pass', () => {
  it('fails a request whose signal aborts while the batcher still waits for company', async () => {
    const idle: InferenceBackend = {
      ready: () => Promise.resolve(),
      modelInterface: () => Promise.resolve(KV_CACHE_INTERFACE),
      forward: () => Promise.reject(new Error('no pass may run')),
      close: () => Promise.resolve(),
    };
    const generator = new BatchingGenerator(idle, { maxBatch: 8, batchDelayMs: 600_000 });
    const controller = new AbortController();
    const reason = new Error('worker stopping');
    const pending = generator.generate(request('never runs'), controller.signal);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect(generator.generate(request('already aborted'), controller.signal)).rejects.toBe(reason);
  });
});

describe('TokenSampler', () => {
  it('greedy picks the highest emittable logit and never a control byte', () => {
    const logits = new Float32Array(256);
    logits[0] = 100;
    logits[0x41] = 5;
    logits[0x42] = 5;
    expect(new TokenSampler(0, 1n).next(logits, 0)).toBe(0x41);
  });
});

/** Greedy decoding of several prompts in one left-padded batch per step, the way a padding batcher would run. */
async function greedyWithLeftPadding(
  backend: InferenceBackend,
  prompts: readonly string[],
  steps: number,
): Promise<{
  texts: string[];
  logits: Float32Array[];
  maxLogitDifference: (other: { logits: Float32Array[] }, row: number, otherRow: number) => number;
}> {
  const sequences = prompts.map((p) => [...Buffer.from(p, 'utf8')]);
  const texts = prompts.map(() => '');
  const logitsPerStep: Float32Array[] = [];
  for (let step = 0; step < steps; step++) {
    const seqLength = Math.max(...sequences.map((s) => s.length));
    const inputIds = new BigInt64Array(prompts.length * seqLength);
    const attentionMask = new BigInt64Array(prompts.length * seqLength);
    sequences.forEach((tokens, row) => {
      const pad = seqLength - tokens.length;
      tokens.forEach((token, i) => {
        inputIds[row * seqLength + pad + i] = BigInt(token);
        attentionMask[row * seqLength + pad + i] = 1n;
      });
    });
    const { logits } = await backend.forward({
      batch: prompts.length,
      seqLength,
      pastLength: 0,
      inputIds,
      attentionMask,
      past: emptyKvCache(),
      returnCache: false,
    });
    logitsPerStep.push(logits);
    sequences.forEach((tokens, row) => {
      const token = new TokenSampler(0, 0n).next(logits, row * BYTELM.vocabSize);
      tokens.push(token);
      texts[row] += String.fromCharCode(token);
    });
  }
  return {
    texts,
    logits: logitsPerStep,
    maxLogitDifference: (other, row, otherRow) => {
      let max = 0;
      logitsPerStep.forEach((logits, step) => {
        for (let v = 0; v < BYTELM.vocabSize; v++) {
          const a = logits[row * BYTELM.vocabSize + v] ?? NaN;
          const b = other.logits[step]?.[otherRow * BYTELM.vocabSize + v] ?? NaN;
          max = Math.max(max, Math.abs(a - b));
        }
      });
      return max;
    },
  };
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a).toHaveLength(b.length);
  return a.reduce((max, value, i) => Math.max(max, Math.abs(value - (b[i] ?? NaN))), 0);
}
