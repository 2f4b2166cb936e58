/**
 * @jest-environment ../../../libs/testing/ort-test-environment.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchingGenerator,
  BYTELM,
  decodeBytesTensor,
  EmbeddedOrtBackend,
  encodeBytesTensor,
  InferenceError,
  OipClient,
  rawBytes,
  TritonBackend,
  TritonStreamingGenerator,
} from '@taonode/inference';
import type { GenerationRequest } from '@taonode/synapses';
import { freePort } from '@taonode/testing';
import { KserveServer } from '../src/kserve.server';

const never = new AbortController().signal;
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
    port = await freePort();
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
    expect(metadata.inputs.map((t) => [t.name, t.datatype, t.shape])).toEqual([
      ['input_ids', 'INT64', ['-1', '-1']],
      ['attention_mask', 'INT64', ['-1', '-1']],
    ]);
    expect(metadata.outputs[0]).toMatchObject({ name: 'logits', datatype: 'FP32', shape: ['-1', '256'] });
    await expect(client.modelMetadata('nope')).rejects.toMatchObject({ code: 'TAONODE_INFERENCE_BACKEND_FAILED' });
  });

  it('returns the same logits over ModelInfer as onnxruntime in process', async () => {
    const triton = new TritonBackend({ url: `127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS, model: BYTELM.modelName });
    await triton.ready();
    const batch = {
      batch: 2,
      seqLength: 3,
      inputIds: BigInt64Array.of(104n, 105n, 33n, 0n, 1n, 2n),
      attentionMask: BigInt64Array.of(1n, 1n, 1n, 1n, 1n, 1n),
    };
    expect(Array.from(await triton.logits(batch))).toEqual(Array.from(await embedded.logits(batch)));
    await triton.close();
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
