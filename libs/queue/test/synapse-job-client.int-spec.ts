import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type LaunchedRedis, startRedisServer } from '@taonode/testing';
import {
  createProducerConnection,
  createSubscriberConnection,
  createWorkerConnection,
  type InferenceJobData,
  InferenceJobName,
  publishReply,
  QUEUE_PREFIX,
  QueueName,
  SynapseJobClient,
  synapseRequestsOf,
  type SynapseWork,
} from '../src';

const ignoreErrors = (): void => undefined;

/** What the worker saw of one job: its name, priority and how many requests it carried. */
interface TakenJob {
  readonly name: string;
  readonly priority: number;
  readonly requests: number;
}

function dummy(value: number, stream = false): SynapseWork {
  return {
    synapse: 'Dummy',
    inputsJson: JSON.stringify({ dummy_input: value }),
    deadlineMs: Date.now() + 30_000,
    requestId: `spec-${value}`,
    stream,
  };
}

describe('SynapseJobClient batching the requests of one turn (real redis-server)', () => {
  let redis: LaunchedRedis;
  let producerConnection: Redis;
  let subscriber: Redis;
  let publisher: Redis;
  let workerConnection: Redis;
  let worker: Worker<InferenceJobData>;
  let taken: TakenJob[];

  beforeAll(async () => {
    redis = await startRedisServer();
    const options = { url: redis.url, onError: ignoreErrors };
    publisher = createWorkerConnection({ ...options, connectionName: 'spec-publisher' });
    workerConnection = createWorkerConnection({ ...options, connectionName: 'spec-worker' });
    // Doubles dummy_input for every request, whether it came alone or in a batch, and records the job's shape.
    worker = new Worker<InferenceJobData>(
      QueueName.Inference,
      async (job) => {
        const requests = synapseRequestsOf(job.name, job.id ?? '', job.data) ?? [];
        taken.push({ name: job.name, priority: job.opts.priority ?? 0, requests: requests.length });
        for (const { replyId, data } of requests) {
          const { dummy_input: input } = JSON.parse(data.inputsJson) as { dummy_input: number };
          const outputsJson = `{"dummy_output":${input * 2}}`;
          await publishReply(publisher, data.replyChannel, { kind: 'done', jobId: replyId, outputsJson });
        }
      },
      { connection: workerConnection, prefix: QUEUE_PREFIX, concurrency: 1, autorun: false },
    );
  });

  afterAll(async () => {
    await worker.close();
    workerConnection.disconnect();
    publisher.disconnect();
    await redis.stop();
  });

  let client: SynapseJobClient;

  beforeEach(async () => {
    taken = [];
    const options = { url: redis.url, onError: ignoreErrors };
    producerConnection = createProducerConnection({ ...options, connectionName: 'spec-producer' });
    subscriber = createSubscriberConnection({ ...options, connectionName: 'spec-subscriber' });
    client = await SynapseJobClient.start(producerConnection, subscriber, { maxBatchItems: 4 });
  });

  afterEach(async () => {
    await client.close();
    producerConnection.disconnect();
    subscriber.disconnect();
  });

  /** Submits every request in one turn, then lets the worker take the jobs, in the order they were added. */
  async function submitTogether(requests: readonly [SynapseWork, number][]): Promise<string[]> {
    const pending = await Promise.all(requests.map(([work, priority]) => client.submit(work, priority)));
    if (worker.isPaused()) {
      void worker.resume();
    } else {
      worker.run().catch(ignoreErrors);
    }
    const results = await Promise.all(pending.map(async (reply) => (await reply.result).outputsJson));
    await worker.pause();
    expect(client.pendingCount).toBe(0);
    return results;
  }

  it('sends the requests of one turn and one priority as one synapse-batch job; each gets its own answer', async () => {
    const answers = await submitTogether([1, 2, 3].map((value) => [dummy(value), 7]));
    expect(answers).toEqual(['{"dummy_output":2}', '{"dummy_output":4}', '{"dummy_output":6}']);
    expect(taken).toEqual([{ name: InferenceJobName.SynapseBatch, priority: 7, requests: 3 }]);
  });

  it('keeps priorities apart, sends a full batch at once and gives a stream or a lone request its own job', async () => {
    const answers = await submitTogether([
      ...[1, 2, 3, 4, 5].map((value): [SynapseWork, number] => [dummy(value), 3]),
      [dummy(6), 9],
      [dummy(7, true), 3],
    ]);
    expect(answers).toEqual([2, 4, 6, 8, 10, 12, 14].map((output) => `{"dummy_output":${output}}`));
    // BullMQ serves priority 3 before 9; among priority 3, in the order the jobs were added.
    expect(taken).toEqual([
      { name: InferenceJobName.SynapseBatch, priority: 3, requests: 4 },
      { name: InferenceJobName.Synapse, priority: 3, requests: 1 },
      { name: InferenceJobName.Synapse, priority: 3, requests: 1 },
      { name: InferenceJobName.Synapse, priority: 9, requests: 1 },
    ]);
  });

  it('rejects every request of a batch Redis refused, and forgets them', async () => {
    producerConnection.disconnect();
    const submits = [1, 2, 3].map((value) => client.submit(dummy(value), 1));
    for (const submit of submits) {
      await expect(submit).rejects.toThrow();
    }
    expect(client.pendingCount).toBe(0);
  });
});
