/**
 * @jest-environment ../../../libs/testing/ort-test-environment.js
 */
import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchingGenerator,
  BYTELM,
  cacheRowElements,
  decodeBytesTensor,
  emptyKvCache,
  EmbeddedOrtBackend,
  encodeBytesTensor,
  InferenceError,
  OipClient,
  rawBytes,
  readFloat32,
  TritonBackend,
  TritonStreamingGenerator,
  type TokenBatch,
} from '@taonode/inference';
import type { GenerationRequest } from '@taonode/synapses';
import { stablePort } from '@taonode/testing';
import { KserveServer } from '../src/kserve.server';

const never = new AbortController().signal;
// Every concurrent request listens on it: 32 at once is expected here, not a leak.
setMaxListeners(64, never);
const TIMEOUT_MS = 30_000;

const REQUESTS: GenerationRequest[] = [
  { prompt: 'The quick brown fox', maxTokens: 20, temperature: 0, seed: 0n },
  { prompt: 'héllo wörld', maxTokens: 16, temperature: 1.2, seed: 99n },
  { prompt: 'x', maxTokens: 12, temperature: 0.6, seed: 1n << 70n },
];

describe('the Triton backend over real gRPC against the KServe v2 server', () => {
  let repository: string;
  let port: number;
  let server: KserveServer;
  let embedded: EmbeddedOrtBackend;
  let client: OipClient;
  const startServer = async (): Promise<void> => {
    server = new KserveServer({
      source: { kind: 'bytelm', repository },
      intraOpThreads: 1,
      maxBatch: 32,
      batchDelayMs: 1,
    });
    await server.listen('127.0.0.1', port);
  };

  beforeAll(async () => {
    repository = mkdtempSync(join(tmpdir(), 'kserve-'));
    // Below the ephemeral range: the restart test starts the server again on it.
    port = await stablePort();
    await startServer();
    embedded = new EmbeddedOrtBackend({ source: { kind: 'bytelm', repository }, intraOpThreads: 1 });
    client = new OipClient({ url: `127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS });
  });

  afterAll(async () => {
    client.close();
    await server.close();
    await embedded.close();
    rmSync(repository, { recursive: true, force: true });
  });

  it('answers health and metadata as a KServe v2 server', async () => {
    expect(await client.serverLive()).toBe(true);
    expect(await client.serverReady()).toBe(true);
    expect(await client.modelReady(BYTELM.modelName)).toBe(true);
    expect(await client.modelReady('nope')).toBe(false);
    const metadata = await client.modelMetadata(BYTELM.modelName);
    const cache = ['-1', '4', '-1', '16'];
    expect(metadata.inputs.map((t) => [t.name, t.datatype, t.shape])).toEqual([
      ['input_ids', 'INT64', ['-1', '-1']],
      ['attention_mask', 'INT64', ['-1', '-1']],
      ['past_key_0', 'FP32', cache],
      ['past_value_0', 'FP32', cache],
      ['past_key_1', 'FP32', cache],
      ['past_value_1', 'FP32', cache],
    ]);
    expect(metadata.outputs.map((t) => [t.name, t.datatype, t.shape])).toEqual([
      ['logits', 'FP32', ['-1', '256']],
      ['present_key_0', 'FP32', cache],
      ['present_value_0', 'FP32', cache],
      ['present_key_1', 'FP32', cache],
      ['present_value_1', 'FP32', cache],
    ]);
    await expect(client.modelMetadata('nope')).rejects.toMatchObject({ code: 'TAONODE_INFERENCE_BACKEND_FAILED' });
  });

  it('returns the same logits and cache over ModelInfer as onnxruntime in process, bit for bit', async () => {
    const triton = new TritonBackend({ url: `127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS, model: BYTELM.modelName });
    await triton.ready();
    const prefill: TokenBatch = {
      batch: 2,
      seqLength: 3,
      pastLength: 0,
      inputIds: BigInt64Array.of(104n, 105n, 33n, 0n, 1n, 2n),
      attentionMask: new BigInt64Array(6).fill(1n),
      past: emptyKvCache(),
      returnCache: true,
    };
    const remote = await triton.forward(prefill);
    const local = await embedded.forward(prefill);
    expect(remote).toEqual(local);
    const present = local.present;
    expect(present?.keys[1]).toHaveLength(2 * cacheRowElements(3));
    if (present === undefined) {
      throw new Error('no present cache');
    }
    // A decode step continuing that cache, logits only.
    const decode: TokenBatch = {
      batch: 2,
      seqLength: 1,
      pastLength: 3,
      inputIds: BigInt64Array.of(10n, 200n),
      attentionMask: new BigInt64Array(8).fill(1n),
      past: present,
      returnCache: false,
    };
    const remoteStep = await triton.forward(decode);
    expect(remoteStep.present).toBeUndefined();
    expect(Array.from(remoteStep.logits)).toEqual(Array.from((await embedded.forward(decode)).logits));
    await triton.close();
  });

  it('still serves a client that sends the whole context with empty pasts and asks only for logits', async () => {
    const ids = BigInt64Array.of(116n, 97n, 111n, 110n, 111n, 100n, 101n);
    const shape = ['1', String(ids.length)];
    const emptyPast = ['1', '4', '0', '16'];
    const pasts = ['past_key_0', 'past_value_0', 'past_key_1', 'past_value_1'];
    const response = await client.modelInfer({
      modelName: BYTELM.modelName,
      inputs: [
        { name: 'input_ids', datatype: 'INT64', shape, parameters: {}, contents: undefined },
        { name: 'attention_mask', datatype: 'INT64', shape, parameters: {}, contents: undefined },
        ...pasts.map((name) => ({ name, datatype: 'FP32', shape: emptyPast, parameters: {}, contents: undefined })),
      ],
      outputs: [{ name: 'logits', parameters: {} }],
      rawInputContents: [
        rawBytes(ids),
        rawBytes(new BigInt64Array(ids.length).fill(1n)),
        ...pasts.map(() => Buffer.alloc(0)),
      ],
    });
    expect(response.outputs.map((o) => [o.name, o.shape])).toEqual([['logits', ['1', '256']]]);
    const full = await embedded.forward({
      batch: 1,
      seqLength: ids.length,
      pastLength: 0,
      inputIds: ids,
      attentionMask: new BigInt64Array(ids.length).fill(1n),
      past: emptyKvCache(),
      returnCache: false,
    });
    expect(Array.from(readFloat32(response.rawOutputContents[0] ?? Buffer.alloc(0), 256))).toEqual(
      Array.from(full.logits),
    );
  });

  it('generates exactly what the embedded backend generates, unary and streamed', async () => {
    const triton = new TritonBackend({ url: `127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS, model: BYTELM.modelName });
    const overGrpc = new BatchingGenerator(triton, { maxBatch: 32, batchDelayMs: 1 });
    const inProcess = new BatchingGenerator(embedded, { maxBatch: 32, batchDelayMs: 1 });
    const expected = await Promise.all(REQUESTS.map((r) => inProcess.generate(r, never)));
    expect(await Promise.all(REQUESTS.map((r) => overGrpc.generate(r, never)))).toEqual(expected);
    const streamed: string[] = [];
    for await (const chunk of overGrpc.stream(REQUESTS[1] as GenerationRequest, never)) {
      streamed.push(chunk);
    }
    expect(streamed.join('')).toBe(expected[1]?.text);
    await triton.close();
  });

  it('gives each of 32 concurrent requests over gRPC exactly the text the embedded backend gives it alone', async () => {
    const triton = new TritonBackend({ url: `127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS, model: BYTELM.modelName });
    const requests: GenerationRequest[] = Array.from({ length: 32 }, (_, i) => ({
      prompt: i % 4 === 0 ? `a longer prompt, number ${i % 3}` : `prompt ${i % 3}`,
      maxTokens: 12 + (i % 5),
      temperature: i % 3 === 0 ? 0 : 0.7 + i / 40,
      seed: BigInt(i) << 40n,
    }));
    const alone = new BatchingGenerator(embedded, { maxBatch: 1, batchDelayMs: 0 });
    const expected: string[] = [];
    for (const r of requests) {
      expected.push((await alone.generate(r, never)).text);
    }
    const overGrpc = new BatchingGenerator(triton, { maxBatch: 32, batchDelayMs: 20 });
    const texts = (await Promise.all(requests.map((r) => overGrpc.generate(r, never)))).map((r) => r.text);
    expect(texts).toEqual(expected);
    await triton.close();
  });

  it('streams one response per token from the decoupled generate model over ModelStreamInfer', async () => {
    const inProcess = new BatchingGenerator(embedded, { maxBatch: 32, batchDelayMs: 1 });
    const remote = new TritonStreamingGenerator({ url: `127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS });
    for (const request of REQUESTS) {
      const chunks: string[] = [];
      for await (const chunk of remote.stream(request, never)) {
        chunks.push(chunk);
      }
      expect(chunks).toHaveLength(request.maxTokens);
      expect(chunks.join('')).toBe((await inProcess.generate(request, never)).text);
    }
    remote.close();
  });

  it('refuses bad requests with typed errors before running the model', async () => {
    const shape = ['1', '300'];
    const tooLong = new BigInt64Array(300);
    await expect(
      client.modelInfer({
        modelName: BYTELM.modelName,
        inputs: [
          { name: 'input_ids', datatype: 'INT64', shape, parameters: {}, contents: undefined },
          { name: 'attention_mask', datatype: 'INT64', shape, parameters: {}, contents: undefined },
        ],
        rawInputContents: [rawBytes(tooLong), rawBytes(tooLong)],
      }),
    ).rejects.toThrow(/outside/);
    const ok = ['1', '2'];
    await expect(
      client.modelInfer({
        modelName: BYTELM.modelName,
        inputs: [
          { name: 'input_ids', datatype: 'INT64', shape: ok, parameters: {}, contents: undefined },
          { name: 'attention_mask', datatype: 'INT64', shape: ok, parameters: {}, contents: undefined },
        ],
        rawInputContents: [rawBytes(new BigInt64Array(2)), rawBytes(new BigInt64Array(2).fill(1n))],
      }),
    ).rejects.toThrow(/missing input 'past_key_0'/);
    await expect(client.modelInfer({ modelName: 'nope' })).rejects.toThrow(/not served/);
    await expect(client.modelInfer({ modelName: 'taonode-bytelm-generate' })).rejects.toThrow(/decoupled/);
    const remote = new TritonStreamingGenerator({ url: `127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS });
    const consume = async (): Promise<void> => {
      for await (const _ of remote.stream({ prompt: 'a', maxTokens: 100_000, temperature: 0, seed: 0n }, never)) {
        // nothing arrives: the request is refused in-band
      }
    };
    await expect(consume()).rejects.toBeInstanceOf(InferenceError);
    remote.close();
  });

  it('waits through a server restart instead of failing (the channel reconnects)', async () => {
    await server.close();
    const pending = client.serverReady();
    await startServer();
    expect(await pending).toBe(true);
  });
});

describe('BYTES tensors', () => {
  it('carry each element behind a 4-byte little-endian length', () => {
    const raw = encodeBytesTensor(['hello', 'wörld', '']);
    expect(raw.subarray(0, 4)).toEqual(Buffer.from([5, 0, 0, 0]));
    expect(decodeBytesTensor(raw).map((b) => b.toString('utf8'))).toEqual(['hello', 'wörld', '']);
  });

  it('refuse a length that runs past the end', () => {
    expect(() => decodeBytesTensor(Buffer.from([9, 0, 0, 0, 1]))).toThrow(InferenceError);
  });
});
