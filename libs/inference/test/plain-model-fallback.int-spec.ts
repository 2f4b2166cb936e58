/**
 * @jest-environment ../../../libs/testing/ort-test-environment.js
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import { EmbeddedOrtBackend } from '../src/backends/embedded-ort.backend';
import type { InferenceBackend, TokenBatch } from '../src/backends/inference-backend';
import { detectModelInterface } from '../src/backends/model-interface';
import { buildBytelmModel } from '../src/bytelm/bytelm-builder';
import { BYTELM } from '../src/bytelm/bytelm-spec';
import { OnnxGraph, tensorInfo } from '../src/bytelm/onnx-graph';
import { InferenceError } from '../src/errors';
import { BatchingGenerator } from '../src/generation/batching-generator';
import { expectBatchedTextsEqualAlone, never, request, fullContext } from './support/generation-parity';

describe('an operator model without a KV cache (full recompute each step)', () => {
  let directory: string;
  let cached: EmbeddedOrtBackend;
  let plain: EmbeddedOrtBackend;
  const fileBackend = (name: string, bytes: Uint8Array): EmbeddedOrtBackend => {
    const path = join(directory, name);
    writeFileSync(path, bytes);
    return new EmbeddedOrtBackend({ source: { kind: 'file', path }, intraOpThreads: 1 });
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'plain-model-'));
    cached = fileBackend('cached.onnx', buildBytelmModel());
    plain = fileBackend('plain.onnx', buildBytelmModel({ kvCache: false }));
    await Promise.all([cached.ready(), plain.ready()]);
  });

  afterAll(async () => {
    await Promise.all([cached.close(), plain.close()]);
    rmSync(directory, { recursive: true, force: true });
  });

  it('is recognised at load by its inputs and outputs', async () => {
    expect(await cached.modelInterface()).toEqual({ kind: 'kv-cache', attentionMask: true });
    expect(await plain.modelInterface()).toEqual({ kind: 'full-recompute', attentionMask: true });
  });

  it('gives the logits the cached model gives on a full recompute, bit for bit', async () => {
    const tokens = [...Buffer.from('same weights, same math', 'utf8')];
    const pass = fullContext(tokens, false);
    expect((await plain.forward(pass)).logits).toEqual((await cached.forward(pass)).logits);
  });

  it('decodes greedily to the cached model’s text, within and past the context window', async () => {
    const prompts = [
      request('The quick brown fox'),
      request('x', { maxTokens: 40 }),
      request('w'.repeat(BYTELM.contextLength - 6), { maxTokens: 16 }),
    ];
    for (const r of prompts) {
      const withCache = await new BatchingGenerator(cached, { maxBatch: 1, batchDelayMs: 0 }).generate(r, never);
      const withoutCache = await new BatchingGenerator(plain, { maxBatch: 1, batchDelayMs: 0 }).generate(r, never);
      expect(withoutCache.tokenCount).toBe(r.maxTokens);
      expect(withoutCache).toEqual(withCache);
    }
  });

  it('feeds the whole context every pass and never asks for a cache', async () => {
    const passes: Pick<TokenBatch, 'batch' | 'seqLength' | 'pastLength' | 'returnCache'>[] = [];
    const recording: InferenceBackend = {
      ready: () => plain.ready(),
      modelInterface: () => plain.modelInterface(),
      forward: (batch) => {
        passes.push({
          batch: batch.batch,
          seqLength: batch.seqLength,
          pastLength: batch.pastLength,
          returnCache: batch.returnCache,
        });
        return plain.forward(batch);
      },
      close: () => Promise.resolve(),
    };
    const generator = new BatchingGenerator(recording, { maxBatch: 8, batchDelayMs: 50 });
    await Promise.all(
      ['prompt 1', 'prompt 2', 'prompt 3'].map((p, i) =>
        generator.generate(request(p, { temperature: 0.8, seed: BigInt(i), maxTokens: 5 }), never),
      ),
    );
    expect(passes).toEqual(
      Array.from({ length: 5 }, (_, i) => ({ batch: 3, seqLength: 8 + i, pastLength: 0, returnCache: false })),
    );
  });

  it('gives every request of a micro-batch the text it gets alone, greedy and sampled, past the window too', async () => {
    const requests = [
      request('short'),
      request('a medium prompt', { temperature: 0.9, seed: 3n }),
      request('short', { temperature: 0.9, seed: 5n }),
      request('y'.repeat(BYTELM.contextLength + 10), { temperature: 1.2, seed: 9n, maxTokens: 8 }),
      request('the longest prompt of the four', { maxTokens: 10 }),
    ];
    await expectBatchedTextsEqualAlone(plain, requests);
  });

  it('takes the last position of a model that outputs every position’s logits, with no attention mask', async () => {
    // A bigram table: each printable byte's most likely successor is the next printable byte.
    const backend = fileBackend('bigram.onnx', bigramModel('input_ids', 'logits'));
    try {
      expect(await backend.modelInterface()).toEqual({ kind: 'full-recompute', attentionMask: false });
      const generator = new BatchingGenerator(backend, { maxBatch: 4, batchDelayMs: 0 });
      // The first position would give 'b' forever; the last continues the alphabet.
      expect((await generator.generate(request('ab', { maxTokens: 5 }), never)).text).toBe('cdefg');
    } finally {
      await backend.close();
    }
  });

  it('refuses at load, naming what is missing, a model with neither interface', async () => {
    const backend = fileBackend('neither.onnx', bigramModel('tokens', 'scores'));
    const refused = async (pending: Promise<unknown>): Promise<void> => {
      const error = await pending.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(InferenceError);
      expect(error).toMatchObject({ code: 'TAONODE_INFERENCE_MODEL_INVALID' });
      expect(String(error)).toMatch(
        /input 'input_ids' is missing.*output 'logits' is missing.*input 'tokens' is not one the engine feeds/,
      );
    };
    await refused(backend.ready());
    // A job against it fails with the same typed error; nothing crashes.
    await refused(new BatchingGenerator(backend, { maxBatch: 4, batchDelayMs: 0 }).generate(request('any'), never));
    await backend.close();
  });
});

describe('detectModelInterface', () => {
  const values = (...names: string[]): { name: string }[] => names.map((name) => ({ name }));
  const cacheInputs = ['past_key_0', 'past_value_0', 'past_key_1', 'past_value_1'];
  const cacheOutputs = ['present_key_0', 'present_value_0', 'present_key_1', 'present_value_1'];

  it('takes a plain model with or without an attention mask', () => {
    expect(detectModelInterface(values('input_ids'), values('logits'))).toEqual({
      kind: 'full-recompute',
      attentionMask: false,
    });
    expect(detectModelInterface(values('input_ids', 'attention_mask'), values('logits', 'hidden'))).toEqual({
      kind: 'full-recompute',
      attentionMask: true,
    });
  });

  it('refuses a half cache, naming each missing tensor', () => {
    expect(() =>
      detectModelInterface(values('input_ids', 'attention_mask', ...cacheInputs), values('logits', 'present_key_0')),
    ).toThrow(/KV-cache model: output 'present_value_0' is missing; output 'present_key_1' is missing/);
    expect(() => detectModelInterface(values('input_ids', ...cacheInputs), values('logits', ...cacheOutputs))).toThrow(
      /input 'attention_mask' is missing/,
    );
  });

  it('refuses an input it would not feed and an element type it would not send', () => {
    expect(() => detectModelInterface(values('input_ids', 'position_ids'), values('logits'))).toThrow(
      /input 'position_ids' is not one the engine feeds/,
    );
    expect(() => detectModelInterface([{ name: 'input_ids', type: 'int32' }], values('logits'))).toThrow(
      /input 'input_ids' is int32, not int64/,
    );
  });
});

/** A one-table model: `output` [batch, seq, 256] = row `id` of a bigram table for each token of `input`. */
function bigramModel(input: string, output: string): Uint8Array {
  const table = new Float32Array(256 * 256);
  for (let token = 0; token < 256; token++) {
    const next = token >= 0x20 && token < 0x7e ? token + 1 : 0x20;
    table[token * 256 + next] = 1;
  }
  const g = new OnnxGraph();
  g.op('Gather', [g.floats('bigram', [256, 256], table), input], {}, output);
  return g.encode({
    name: 'bigram',
    opset: BYTELM.opset,
    inputs: [tensorInfo(input, onnx.TensorProto.DataType.INT64, ['batch', 'seq'])],
    outputs: [{ from: output, info: tensorInfo(output, onnx.TensorProto.DataType.FLOAT, ['batch', 'seq', 256]) }],
  });
}
