import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BatchingGenerator, EmbeddedOrtBackend } from '@taonode/inference';
import { freePort, startChild, type SupervisedChild } from '@taonode/process';
import { InferenceJobName, QUEUE_PREFIX, QueueName, type ReplyMessage, type SynapseJobData } from '@taonode/queue';
import { startRedisServer } from '@taonode/testing';
import type { BenchResult, BenchRow } from './bench-result';

/** Every request: a 32-byte prompt and 64 new tokens, so all sequences share one length and batch together. */
const PROMPT = 'Explain the Bittensor subnet ...'.padEnd(32, '.');
const MAX_TOKENS = 64;
const CONCURRENCY = 32;
const never = new AbortController().signal;

interface Rate {
  readonly requests: number;
  readonly tokens: number;
  readonly seconds: number;
}

const tokensPerSecond = (rate: Rate): number => Math.round(rate.tokens / rate.seconds);

function row(scenario: string, rate: Rate, baseline?: Rate): BenchRow {
  return {
    scenario,
    requests: rate.requests,
    tokens: rate.tokens,
    seconds: Number(rate.seconds.toFixed(2)),
    'tokens/s': tokensPerSecond(rate),
    'vs baseline': baseline === undefined ? '' : `${(tokensPerSecond(rate) / tokensPerSecond(baseline)).toFixed(2)}×`,
  };
}

/** Keeps `concurrency` requests in flight until `total` have finished; every answer is checked. */
async function closedLoop(total: number, concurrency: number, one: (index: number) => Promise<number>): Promise<Rate> {
  let next = 0;
  let tokens = 0;
  const started = process.hrtime.bigint();
  const lane = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      // Awaited first: `tokens += await …` would read `tokens` before the await and lose other lanes' counts.
      const answered = await one(index);
      tokens += answered;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { requests: total, tokens, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function engineRates(repository: string): Promise<BenchRow[]> {
  const backend = new EmbeddedOrtBackend({ source: { kind: 'bytelm', repository }, intraOpThreads: 1 });
  await backend.ready();
  const generator = new BatchingGenerator(backend, { maxBatch: CONCURRENCY, batchDelayMs: 2 });
  const generate = async (index: number): Promise<number> => {
    const result = await generator.generate(
      { prompt: PROMPT, maxTokens: MAX_TOKENS, temperature: 0.8, seed: BigInt(index) },
      never,
    );
    if (result.tokenCount !== MAX_TOKENS) {
      throw new Error(`expected ${MAX_TOKENS} tokens, got ${result.tokenCount}`);
    }
    return result.tokenCount;
  };
  await closedLoop(8, 8, generate);
  const single = await closedLoop(64, 1, generate);
  const batched = await closedLoop(512, CONCURRENCY, generate);
  await backend.close();
  return [
    row('engine in process (onnxruntime, 1 thread): batch 1, one request at a time', single),
    row(`engine in process: ${CONCURRENCY} concurrent requests, micro-batched`, batched, single),
  ];
}

/** Producer side: enqueue TextGeneration jobs, wait for each final reply on our channel. */
class Producer {
  private readonly channel = `taonode:reply:${randomUUID()}`;
  private readonly connection: Redis;
  private readonly subscriber: Redis;
  private readonly queue: Queue<SynapseJobData>;
  private readonly waiting = new Map<string, (message: ReplyMessage) => void>();

  constructor(url: string) {
    this.connection = new Redis(url, { maxRetriesPerRequest: null });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null });
    this.queue = new Queue<SynapseJobData>(QueueName.Inference, { connection: this.connection, prefix: QUEUE_PREFIX });
    this.subscriber.on('message', (_channel: string, text: string) => {
      const message = JSON.parse(text) as ReplyMessage;
      if (message.kind !== 'chunk') {
        this.waiting.get(message.jobId)?.(message);
      }
    });
  }

  async open(): Promise<void> {
    await this.subscriber.subscribe(this.channel);
  }

  async generate(seed: number): Promise<number> {
    const jobId = randomUUID();
    const reply = new Promise<ReplyMessage>((resolve) => this.waiting.set(jobId, resolve));
    const inputs = { prompt: PROMPT, max_tokens: MAX_TOKENS, temperature: 0.8, seed };
    await this.queue.add(
      InferenceJobName.Synapse,
      {
        synapse: 'TextGeneration',
        inputsJson: JSON.stringify(inputs),
        deadlineMs: Date.now() + 120_000,
        requestId: jobId,
        replyChannel: this.channel,
        stream: false,
      },
      { jobId, attempts: 2, removeOnComplete: true, removeOnFail: true },
    );
    const message = await reply;
    this.waiting.delete(jobId);
    if (message.kind !== 'done' || !message.outputsJson.startsWith('{"completion":')) {
      throw new Error(`job ${jobId} was not answered: ${JSON.stringify(message)}`);
    }
    return MAX_TOKENS;
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.connection.quit();
    await this.subscriber.quit();
  }
}

async function startWorker(name: string, redisUrl: string, repository: string): Promise<SupervisedChild> {
  const opsPort = await freePort();
  return startChild({
    name,
    command: process.execPath,
    args: [join(__dirname, '..', 'bin', 'run-app.js'), 'inference-worker'],
    env: {
      REDIS_URL: redisUrl,
      INFERENCE_MODEL_REPOSITORY: repository,
      INFERENCE_ORT_THREADS: '1',
      INFERENCE_MAX_BATCH: String(CONCURRENCY),
      OPS_PORT: String(opsPort),
      OPS_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    readyLine: /taking jobs/,
    readyTimeoutMs: 180_000,
    ports: [opsPort],
  });
}

async function workerRates(repository: string): Promise<BenchRow[]> {
  const redis = await startRedisServer();
  const producer = new Producer(redis.url);
  const workers: SupervisedChild[] = [];
  try {
    await producer.open();
    workers.push(await startWorker('bench-worker-1', redis.url, repository));
    await closedLoop(32, CONCURRENCY, (i) => producer.generate(i));
    const single = await closedLoop(48, 1, (i) => producer.generate(i));
    const one = await closedLoop(768, CONCURRENCY, (i) => producer.generate(i));
    workers.push(await startWorker('bench-worker-2', redis.url, repository));
    await closedLoop(32, CONCURRENCY, (i) => producer.generate(i));
    const two = await closedLoop(768, CONCURRENCY * 2, (i) => producer.generate(i));
    return [
      row('full worker path (BullMQ + reply pub/sub), 1 worker: one request at a time', single),
      row(`full worker path, 1 worker: ${CONCURRENCY} concurrent requests`, one, single),
      row(
        `full worker path, 2 worker processes: ${CONCURRENCY * 2} concurrent requests (baseline: 1 worker, ${CONCURRENCY})`,
        two,
        one,
      ),
    ];
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await producer.close();
    await redis.stop();
  }
}

export default async function inferenceBench(): Promise<BenchResult> {
  const repository = mkdtempSync(join(tmpdir(), 'bench-models-'));
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const rows = [...(await engineRates(repository)), ...(await workerRates(repository))];
    const loadAfter = loadavg()[0] ?? 0;
    return {
      rows,
      notes: [
        `TextGeneration with the synthetic byte-level model (libs/inference BYTELM: d=64, 2 layers, no KV cache): ${PROMPT.length}-byte prompt, ${MAX_TOKENS} new tokens, temperature 0.8, a different seed per request; only answers with exactly ${MAX_TOKENS} tokens (engine) or a done reply with a completion (worker path) count.`,
        'Closed loop: each lane sends its next request when the previous one is answered. Engine rows run in the bench process; worker rows run real `inference-worker` processes (bin/run-app.js, INFERENCE_ORT_THREADS=1) with Redis, the producer and the workers on the same machine.',
        'Targets (issue 8): micro-batching ≥ 3× the tokens/s of batch 1; 2 workers ≥ 1.7× one. The machine is shared with other engineers running builds and tests at the same time, so absolute numbers are noisy and the 2-worker ratio is bounded by how much of the second core is free.',
        `1-minute load average ${loadBefore.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end (2 cores).`,
        'Why batching gains little here: the model has no KV cache, so every step recomputes the whole context and a pass costs about batch × length; batching only amortises the fixed per-call overhead (docs/inference.md measured 0.44 ms/step at batch 1 and 0.29 ms/token at batch 32 on an idle box: ≤ 1.5×). Reaching 3× needs a KV-cache export of the model (past key/value inputs), which is not done.',
      ],
    };
  } finally {
    rmSync(repository, { recursive: true, force: true });
  }
}
