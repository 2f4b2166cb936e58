/**
 * @jest-environment ../../../libs/testing/ort-test-environment.js
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BatchingGenerator, EmbeddedOrtBackend } from '@taonode/inference';
import {
  connectionReady,
  createProducerConnection,
  createSubscriberConnection,
  ReplyBus,
  SynapseJobProducer,
  type PendingReply,
} from '@taonode/queue';
import { startService } from '@taonode/service';
import { startRedisServer, type LaunchedRedis } from '@taonode/testing';
import { AppModule } from '../src/app.module';
import { ProducerHarness } from './support/worker-harness';

describe('inference-worker with real Redis', () => {
  let redis: LaunchedRedis;
  let repository: string;
  let app: INestApplicationContext;
  let producer: ProducerHarness;
  let opsPort: number;

  beforeAll(async () => {
    redis = await startRedisServer();
    repository = mkdtempSync(join(tmpdir(), 'worker-models-'));
    app = await NestFactory.createApplicationContext(
      AppModule.forRoot({
        env: {
          REDIS_URL: redis.url,
          INFERENCE_MODEL_REPOSITORY: repository,
          INFERENCE_MAX_TOKENS: '64',
          INFERENCE_MAX_PROMPT_BYTES: '256',
          OPS_PORT: '0',
          LOG_LEVEL: 'silent',
          NODE_ENV: 'test',
        },
      }),
      { bufferLogs: true },
    );
    // Started exactly as main.ts starts it (the service kit), ops server included.
    opsPort = (await startService(app, () => Promise.resolve())).opsPort;
    producer = new ProducerHarness(redis.url);
    await producer.open();
  });

  afterAll(async () => {
    await producer.close();
    await app.close();
    await redis.stop();
    rmSync(repository, { recursive: true, force: true });
  });

  it('reports ready on its ops server once it takes jobs', async () => {
    expect((await fetch(`http://127.0.0.1:${opsPort}/ready`)).status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
    expect(metrics).toContain('taonode_inference_jobs_total');
  });

  it('answers Dummy(4) with dummy_output 8', async () => {
    const { jobId, replies } = await producer.ask('Dummy', '{"dummy_input": 4}');
    expect(replies).toEqual([{ kind: 'done', jobId, outputsJson: '{"dummy_output":8}' }]);
  });

  it('answers TextGeneration with the completion a validator reproduces from the same model and seed', async () => {
    const inputs = { prompt: 'Bittensor', max_tokens: 32, temperature: 0.8, seed: 1234 };
    const { jobId, replies } = await producer.ask('TextGeneration', JSON.stringify(inputs));
    const backend = new EmbeddedOrtBackend({ source: { kind: 'bytelm', repository }, intraOpThreads: 1 });
    const expected = await new BatchingGenerator(backend, { maxBatch: 1, batchDelayMs: 0 }).generate(
      { prompt: inputs.prompt, maxTokens: 32, temperature: 0.8, seed: 1234n },
      new AbortController().signal,
    );
    await backend.close();
    expect(expected.text).toHaveLength(32);
    expect(replies).toEqual([{ kind: 'done', jobId, outputsJson: JSON.stringify({ completion: expected.text }) }]);
  });

  it('streams StreamingTextGeneration as numbered chunks, then the joined completion', async () => {
    const inputs = '{"prompt": "stream", "max_tokens": 10, "temperature": 0.0, "seed": 0}';
    const { jobId, replies } = await producer.ask('StreamingTextGeneration', inputs, { stream: true });
    const chunks = replies.filter((r) => r.kind === 'chunk');
    expect(chunks.map((c) => (c.kind === 'chunk' ? c.seq : -1))).toEqual([...Array(10).keys()]);
    const text = chunks.map((c) => (c.kind === 'chunk' ? c.data : '')).join('');
    expect(replies.at(-1)).toEqual({ kind: 'done', jobId, outputsJson: JSON.stringify({ completion: text }) });
  });

  it('answers many concurrent generation requests (micro-batched) each with its own text', async () => {
    const asks = Array.from({ length: 16 }, (_, i) =>
      producer.ask(
        'TextGeneration',
        JSON.stringify({ prompt: 'same length', max_tokens: 8, temperature: 1.0, seed: i }),
      ),
    );
    const answers = await Promise.all(asks);
    expect(answers.every((a) => a.replies[0]?.kind === 'done')).toBe(true);
    const texts = new Set(answers.map((a) => (a.replies[0]?.kind === 'done' ? a.replies[0].outputsJson : '')));
    expect(texts.size).toBeGreaterThan(1);
  });

  it.each([
    ['max_tokens over the cap', 'TextGeneration', '{"prompt": "a", "max_tokens": 65, "temperature": 0.0, "seed": 1}'],
    [
      'a prompt over the byte bound',
      'TextGeneration',
      JSON.stringify({ prompt: 'a'.repeat(257), max_tokens: 1, temperature: 0.0, seed: 1 }),
    ],
    ['a field of the wrong type', 'Dummy', '{"dummy_input": "four"}'],
    ['an unknown synapse', 'Nope', '{}'],
  ])('fails %s as bad-input, without a retry', async (_label, synapse, inputsJson) => {
    const { jobId, replies } = await producer.ask(synapse, inputsJson);
    expect(replies).toEqual([expect.objectContaining({ kind: 'failed', jobId, code: 'bad-input' })]);
    await waitFor(async () => (await producer.jobs.getJobState(jobId)) === 'failed');
    const job = await producer.jobs.getJob(jobId);
    expect(job?.attemptsMade).toBe(1);
  });

  it('answers each request of a synapse-batch job under its own reply id, bad ones included', async () => {
    const metric = async (name: string): Promise<number> => {
      const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
      return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 'NaN');
    };
    const generation = { prompt: 'batch', max_tokens: 6, temperature: 0.0, seed: 3 };
    const alone = await producer.ask('TextGeneration', JSON.stringify(generation));
    const jobsBefore = await metric('taonode_inference_requests_per_job_count');
    const requestsBefore = await metric('taonode_inference_requests_per_job_sum');

    const answers = await producer.askBatch([
      { synapse: 'Dummy', inputsJson: '{"dummy_input": 4}' },
      { synapse: 'TextGeneration', inputsJson: JSON.stringify(generation) },
      { synapse: 'Dummy', inputsJson: '{"dummy_input": "four"}' },
      { synapse: 'Dummy', inputsJson: '{"dummy_input": 5}', deadlineMs: Date.now() - 1 },
      { synapse: 'Dummy', inputsJson: '{"dummy_input": 21}' },
    ]);

    expect(answers.map((answer) => answer.replies)).toEqual([
      [{ kind: 'done', jobId: answers[0]?.replyId, outputsJson: '{"dummy_output":8}' }],
      // The same text as the request answered alone: a batch does not change what a request gets.
      [{ ...alone.replies[0], jobId: answers[1]?.replyId }],
      [expect.objectContaining({ kind: 'failed', jobId: answers[2]?.replyId, code: 'bad-input' })],
      [expect.objectContaining({ kind: 'failed', jobId: answers[3]?.replyId, code: 'deadline-passed' })],
      [{ kind: 'done', jobId: answers[4]?.replyId, outputsJson: '{"dummy_output":42}' }],
    ]);
    expect(alone.replies[0]?.kind).toBe('done');
    expect(await metric('taonode_inference_requests_per_job_count')).toBe(jobsBefore + 1);
    expect(await metric('taonode_inference_requests_per_job_sum')).toBe(requestsBefore + 5);
  });

  it('drops a job whose deadline has passed', async () => {
    const { jobId, replies } = await producer.ask('Dummy', '{"dummy_input": 1}', { deadlineMs: Date.now() - 1 });
    expect(replies).toEqual([expect.objectContaining({ kind: 'failed', jobId, code: 'deadline-passed' })]);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('inference-worker answering the gateway’s producer and reply bus', () => {
  let redis: LaunchedRedis;
  let repository: string;
  let app: INestApplicationContext;

  beforeAll(async () => {
    redis = await startRedisServer();
    repository = mkdtempSync(join(tmpdir(), 'worker-models-'));
    app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ env: { REDIS_URL: redis.url, INFERENCE_MODEL_REPOSITORY: repository, LOG_LEVEL: 'silent' } }),
      { logger: false },
    );
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await redis.stop();
    rmSync(repository, { recursive: true, force: true });
  });

  it('answers Dummy, streams StreamingTextGeneration and reports bad input through @taonode/queue', async () => {
    const onError = (): void => undefined;
    const connection = createProducerConnection({ url: redis.url, connectionName: 'spec:producer', onError });
    const subscriber = createSubscriberConnection({ url: redis.url, connectionName: 'spec:replies', onError });
    await connectionReady(connection);
    const bus = await ReplyBus.open(subscriber);
    const producer = new SynapseJobProducer(connection);
    const ask = async (synapse: string, inputsJson: string, stream = false): Promise<PendingReply> => {
      const jobId = randomUUID();
      const deadlineMs = Date.now() + 60_000;
      const pending = bus.expect(jobId, deadlineMs);
      await producer.enqueueSynapseJob(
        { synapse, inputsJson, deadlineMs, requestId: jobId, replyChannel: bus.channel, stream },
        { priority: 1, jobId },
      );
      return pending;
    };
    try {
      expect(await (await ask('Dummy', '{"dummy_input": 4}')).result).toEqual({ outputsJson: '{"dummy_output":8}' });

      const streamed = await ask(
        'StreamingTextGeneration',
        '{"prompt": "p", "max_tokens": 5, "temperature": 0.0, "seed": 0}',
        true,
      );
      const chunks: string[] = [];
      for await (const chunk of streamed.chunks) {
        chunks.push(chunk);
      }
      expect(chunks).toHaveLength(5);
      expect(await streamed.result).toEqual({ outputsJson: JSON.stringify({ completion: chunks.join('') }) });

      const bad = await ask('TextGeneration', '{"prompt": "p", "max_tokens": 100000, "temperature": 0.0, "seed": 0}');
      await expect(bad.result).rejects.toMatchObject({ failure: 'bad-input' });
    } finally {
      await bus.close();
      await producer.close();
      await connection.quit();
      await subscriber.quit();
    }
  });
});

describe('inference-worker shutdown', () => {
  let redis: LaunchedRedis;
  let repository: string;
  let producer: ProducerHarness;

  beforeAll(async () => {
    redis = await startRedisServer();
    repository = mkdtempSync(join(tmpdir(), 'worker-models-'));
    producer = new ProducerHarness(redis.url);
    await producer.open();
  });

  afterAll(async () => {
    await producer.close();
    await redis.stop();
    rmSync(repository, { recursive: true, force: true });
  });

  const startWorker = async (env: Record<string, string>): Promise<INestApplicationContext> => {
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({
        env: {
          REDIS_URL: redis.url,
          INFERENCE_MODEL_REPOSITORY: repository,
          OPS_PORT: '0',
          LOG_LEVEL: 'silent',
          ...env,
        },
      }),
      { bufferLogs: true, abortOnError: false },
    );
    await startService(app, () => Promise.resolve());
    return app;
  };

  it('returns a job it cannot finish within the grace period to the queue, where another worker answers it', async () => {
    // This worker's batcher waits a minute for company, so its job is still running when it is told to stop.
    const stopping = await startWorker({ INFERENCE_BATCH_DELAY_MS: '60000', INFERENCE_SHUTDOWN_GRACE_MS: '200' });
    const answer = producer.ask(
      'TextGeneration',
      '{"prompt": "handover", "max_tokens": 4, "temperature": 0.0, "seed": 0}',
    );
    await waitFor(async () => (await producer.jobs.getActiveCount()) === 1);
    await stopping.close();
    // Back in the queue with its first attempt spent (waiting out the retry backoff), for any worker to take.
    const returned = await producer.jobs.getJobs(['delayed', 'wait', 'prioritized']);
    expect(returned.map((job) => job.attemptsMade)).toEqual([1]);

    const successor = await startWorker({});
    try {
      const { jobId, replies } = await answer;
      expect(jobId).toBe(returned[0]?.id);
      expect(replies).toEqual([expect.objectContaining({ kind: 'done', jobId })]);
    } finally {
      await successor.close();
    }
  });
});
