import { randomUUID } from 'node:crypto';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type LaunchedRedis, startRedisServer } from '@taonode/testing';
import {
  connectionReady,
  createProducerConnection,
  createSubscriberConnection,
  createWorkerConnection,
  InferenceJobName,
  priorityForStake,
  publishReply,
  QueueName,
  ReplyBus,
  ReplyDeadlineError,
  ReplyFailedError,
  type SynapseJobData,
  SynapseJobProducer,
} from '../src';

const ignoreErrors = (): void => undefined;

function jobData(bus: ReplyBus, inputsJson: string, stream = false): SynapseJobData {
  return {
    synapse: 'Dummy',
    inputsJson,
    deadlineMs: Date.now() + 30_000,
    requestId: randomUUID(),
    replyChannel: bus.channel,
    stream,
  };
}

describe('queue inference with the reply bus (real redis-server)', () => {
  let redis: LaunchedRedis;
  let producerConnection: Redis;
  let subscriber: Redis;
  let publisher: Redis;
  let producer: SynapseJobProducer;
  let bus: ReplyBus;
  let prefix: string;
  let worker: Worker | undefined;
  let workerConnection: Redis | undefined;

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    await redis.stop();
  });

  beforeEach(async () => {
    prefix = `{test-${randomUUID()}}`;
    const options = { url: redis.url, onError: ignoreErrors };
    producerConnection = createProducerConnection({ ...options, connectionName: 'test-producer' });
    subscriber = createSubscriberConnection({ ...options, connectionName: 'test-subscriber' });
    publisher = createWorkerConnection({ ...options, connectionName: 'test-publisher' });
    await connectionReady(producerConnection);
    producer = new SynapseJobProducer(producerConnection, prefix);
    bus = await ReplyBus.open(subscriber);
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    workerConnection?.disconnect();
    workerConnection = undefined;
    await bus.close();
    await producer.close();
    producerConnection.disconnect();
    subscriber.disconnect();
    publisher.disconnect();
  });

  /** A minimal worker: doubles `dummy_input`, or streams each character of `text` before the final message. */
  function startWorker(handle?: (job: Job<SynapseJobData>) => Promise<void>, concurrency = 8): void {
    const connection = createWorkerConnection({ url: redis.url, connectionName: 'test-worker', onError: ignoreErrors });
    workerConnection = connection;
    worker = new Worker<SynapseJobData>(
      QueueName.Inference,
      handle ??
        (async (job) => {
          const jobId = job.id ?? '';
          const inputs = JSON.parse(job.data.inputsJson) as { dummy_input?: number; text?: string };
          if (job.data.stream) {
            let seq = 0;
            for (const data of inputs.text ?? '') {
              await publishReply(publisher, job.data.replyChannel, { kind: 'chunk', jobId, seq, data });
              seq += 1;
            }
          }
          await publishReply(publisher, job.data.replyChannel, {
            kind: 'done',
            jobId,
            outputsJson: JSON.stringify({ dummy_output: (inputs.dummy_input ?? 0) * 2 }),
          });
        }),
      { connection, prefix, concurrency },
    );
  }

  it('routes each worker reply to the request that waits for its job', async () => {
    startWorker();
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(async (value) => {
        const jobId = randomUUID();
        const pending = bus.expect(jobId, Date.now() + 30_000);
        await producer.enqueueSynapseJob(jobData(bus, JSON.stringify({ dummy_input: value })), {
          jobId,
          priority: priorityForStake(1_000n),
        });
        return (await pending.result).outputsJson;
      }),
    );
    expect(answers).toEqual([2, 4, 6, 8, 10].map((output) => JSON.stringify({ dummy_output: output })));
    expect(bus.pendingCount).toBe(0);
  });

  it('streams chunks in order and ends the stream with the final message', async () => {
    startWorker();
    const jobId = randomUUID();
    const pending = bus.expect(jobId, Date.now() + 30_000);
    await producer.enqueueSynapseJob(jobData(bus, JSON.stringify({ text: 'hello' }), true), { jobId, priority: 1 });
    const chunks: string[] = [];
    for await (const chunk of pending.chunks) {
      chunks.push(chunk);
    }
    expect(chunks.join('')).toBe('hello');
    await expect(pending.result).resolves.toEqual({ outputsJson: JSON.stringify({ dummy_output: 0 }) });
  });

  it('rejects with ReplyDeadlineError when no worker answers, and forgets the request', async () => {
    const jobId = randomUUID();
    const pending = bus.expect(jobId, Date.now() + 300);
    await producer.enqueueSynapseJob(jobData(bus, '{}'), { jobId, priority: 1 });
    await expect(pending.result).rejects.toBeInstanceOf(ReplyDeadlineError);
    expect(bus.pendingCount).toBe(0);
  });

  it('rejects with ReplyFailedError carrying the failure code the worker sent', async () => {
    startWorker(async (job) => {
      await publishReply(publisher, job.data.replyChannel, {
        kind: 'failed',
        jobId: job.id ?? '',
        code: 'bad-input',
        message: 'dummy_input missing',
      });
    });
    const jobId = randomUUID();
    const pending = bus.expect(jobId, Date.now() + 30_000);
    await producer.enqueueSynapseJob(jobData(bus, '{}'), { jobId, priority: 1 });
    const error = await pending.result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReplyFailedError);
    expect((error as ReplyFailedError).failure).toBe('bad-input');
  });

  it('ignores malformed messages on its channel and replies to jobs nobody waits for', async () => {
    await publisher.publish(bus.channel, 'not json');
    await publishReply(publisher, bus.channel, { kind: 'done', jobId: 'nobody', outputsJson: '{}' });
    startWorker();
    const jobId = randomUUID();
    const pending = bus.expect(jobId, Date.now() + 30_000);
    await producer.enqueueSynapseJob(jobData(bus, JSON.stringify({ dummy_input: 21 })), { jobId, priority: 1 });
    await expect(pending.result).resolves.toEqual({ outputsJson: JSON.stringify({ dummy_output: 42 }) });
  });

  it('serves higher-stake jobs first when they wait together', async () => {
    const stakes = [1n, 10n ** 12n, 10n ** 6n, 10n ** 15n];
    const jobIds = await Promise.all(
      stakes.map((stake) =>
        producer.enqueueSynapseJob(jobData(bus, JSON.stringify({ stake: stake.toString() })), {
          priority: priorityForStake(stake),
        }),
      ),
    );
    const order: string[] = [];
    startWorker(async (job) => {
      order.push((JSON.parse(job.data.inputsJson) as { stake: string }).stake);
      await Promise.resolve();
    }, 1);
    while (order.length < jobIds.length) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(order).toEqual(['1000000000000000', '1000000000000', '1000000', '1']);
  });

  it('adds jobs under the given prefix with the typed name and the shared defaults', async () => {
    const jobId = await producer.enqueueSynapseJob(jobData(bus, '{}'), { priority: 5 });
    const job = await producer.queue.getJob(jobId);
    expect(job?.name).toBe(InferenceJobName.Synapse);
    expect(job?.opts.attempts).toBe(2);
    expect(job?.opts.priority).toBe(5);
    expect(await producer.waitingCount()).toBe(1);
  });
});
