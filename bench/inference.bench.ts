import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BatchingGenerator, BYTELM, EmbeddedOrtBackend, type GenerationObserver } from '@taonode/inference';
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

/** Forward passes of the in-process engine and the rows they carried, to explain its rates. */
class PassCounter implements GenerationObserver {
  passes = 0;
  rows = 0;
  seconds = 0;

  forwardPass(batchSize: number, seconds: number): void {
    this.passes++;
    this.rows += batchSize;
    this.seconds += seconds;
  }

  tokensGenerated(): void {
    // counted per pass
  }

  /** Mean rows per pass and mean milliseconds per pass since the last call. */
  take(): { rowsPerPass: number; msPerPass: number } {
    const taken = { rowsPerPass: this.rows / this.passes, msPerPass: (this.seconds * 1000) / this.passes };
    this.passes = 0;
    this.rows = 0;
    this.seconds = 0;
    return taken;
  }
}

interface EnginePasses {
  readonly single: { rowsPerPass: number; msPerPass: number };
  readonly batched: { rowsPerPass: number; msPerPass: number };
}

async function engineRates(repository: string): Promise<{ rows: BenchRow[]; passes: EnginePasses }> {
  const backend = new EmbeddedOrtBackend({ source: { kind: 'bytelm', repository }, intraOpThreads: 1 });
  await backend.ready();
  const counter = new PassCounter();
  const generator = new BatchingGenerator(backend, { maxBatch: CONCURRENCY, batchDelayMs: 2 }, counter);
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
  counter.take();
  const single = await closedLoop(64, 1, generate);
  const singlePasses = counter.take();
  const batched = await closedLoop(512, CONCURRENCY, generate);
  const batchedPasses = counter.take();
  await backend.close();
  return {
    rows: [
      row('engine in process (onnxruntime, 1 thread): batch 1, one request at a time', single),
      row(`engine in process: ${CONCURRENCY} concurrent requests, micro-batched`, batched, single),
    ],
    passes: { single: singlePasses, batched: batchedPasses },
  };
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

interface BenchWorker {
  readonly child: SupervisedChild;
  readonly opsPort: number;
}

async function startWorker(name: string, redisUrl: string, repository: string): Promise<BenchWorker> {
  const opsPort = await freePort();
  const child = await startChild({
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
  return { child, opsPort };
}

/** The worker's `taonode_inference_batch_size` histogram totals: sequences and forward passes so far. */
async function batchTotals(worker: BenchWorker): Promise<{ rows: number; passes: number }> {
  const text = await (await fetch(`http://127.0.0.1:${worker.opsPort}/metrics`)).text();
  const total = (suffix: string): number =>
    Number(new RegExp(`^taonode_inference_batch_size_${suffix}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rows: total('sum'), passes: total('count') };
}

async function workerRates(repository: string): Promise<{ rows: BenchRow[]; rowsPerPass: number }> {
  const redis = await startRedisServer();
  const producer = new Producer(redis.url);
  const workers: BenchWorker[] = [];
  try {
    await producer.open();
    const first = await startWorker('bench-worker-1', redis.url, repository);
    workers.push(first);
    await closedLoop(32, CONCURRENCY, (i) => producer.generate(i));
    const single = await closedLoop(48, 1, (i) => producer.generate(i));
    const before = await batchTotals(first);
    const one = await closedLoop(768, CONCURRENCY, (i) => producer.generate(i));
    const after = await batchTotals(first);
    workers.push(await startWorker('bench-worker-2', redis.url, repository));
    await closedLoop(32, CONCURRENCY, (i) => producer.generate(i));
    const two = await closedLoop(768, CONCURRENCY * 2, (i) => producer.generate(i));
    const rows = [
      row('full worker path (BullMQ + reply pub/sub), 1 worker: one request at a time', single),
      row(`full worker path, 1 worker: ${CONCURRENCY} concurrent requests`, one, single),
      row(
        `full worker path, 2 worker processes: ${CONCURRENCY * 2} concurrent requests (baseline: 1 worker, ${CONCURRENCY})`,
        two,
        one,
      ),
    ];
    return { rows, rowsPerPass: (after.rows - before.rows) / (after.passes - before.passes) };
  } finally {
    await Promise.all(workers.map((worker) => worker.child.stop()));
    await producer.close();
    await redis.stop();
  }
}

export default async function inferenceBench(): Promise<BenchResult> {
  const repository = mkdtempSync(join(tmpdir(), 'bench-models-'));
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const engine = await engineRates(repository);
    const worker = await workerRates(repository);
    const rows = [...engine.rows, ...worker.rows];
    const loadAfter = loadavg()[0] ?? 0;
    const { single, batched } = engine.passes;
    return {
      rows,
      notes: [
        `TextGeneration with the synthetic byte-level model (libs/inference BYTELM version ${BYTELM.modelVersion}: d=64, 2 layers, KV cache): ${PROMPT.length}-byte prompt, ${MAX_TOKENS} new tokens, temperature 0.8, a different seed per request; only answers with exactly ${MAX_TOKENS} tokens (engine) or a done reply with a completion (worker path) count.`,
        'Closed loop: each lane sends its next request when the previous one is answered. Engine rows run in the bench process; worker rows run real `inference-worker` processes (bin/run-app.js, INFERENCE_ORT_THREADS=1) with Redis, the producer and the workers on the same machine.',
        'Targets (issue 8): micro-batching ≥ 3× the tokens/s of batch 1; 2 workers ≥ 1.7× one. The machine is shared with other engineers running builds and tests at the same time, so absolute numbers are noisy and the 2-worker ratio is bounded by how much of the second core is free.',
        `1-minute load average ${loadBefore.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end (2 cores).`,
        `Why batching gains: the model has a KV cache, so the prompt runs once (prefill) and every later pass feeds each sequence only its newest token with its cached keys and values. Per row, a decode step is small next to the fixed cost of one onnxruntime call (84 graph nodes), so a 32-row pass costs a few batch-1 passes, not 32: in the engine rows a pass took ${single.msPerPass.toFixed(2)} ms at ${single.rowsPerPass.toFixed(1)} rows (batch 1) and ${batched.msPerPass.toFixed(2)} ms at ${batched.rowsPerPass.toFixed(1)} rows (concurrent). Before the cache (model version 1, 2026-12-06) every step recomputed the whole context, a pass cost about batch × length, and batching reached only 2.06× (engine) and 1.49× (worker path).`,
        `Exactness costs some batching: passes group sequences of the same phase and cached length (no padding, so a text never depends on its batchmates), so a request that arrives while others are mid-generation decodes in a group of its own; the batcher lets a burst of arrivals settle (INFERENCE_BATCH_DELAY_MS without a new one, at most 10 ms) before their common prefill. In the engine rows all lanes start and finish together; on the worker path requests arrive through Redis a few milliseconds apart, and the 1-worker, ${CONCURRENCY}-concurrent passes carried ${worker.rowsPerPass.toFixed(1)} sequences on average (the worker's taonode_inference_batch_size histogram).`,
      ],
    };
  } finally {
    rmSync(repository, { recursive: true, force: true });
  }
}
