import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupervisedChild } from '@taonode/process';
import { startRedisServer, type LaunchedRedis } from '@taonode/testing';
import { ProducerHarness } from './support/worker-harness';
import { startWorkerProcess } from './support/worker-process';

/** Generous: two cold worker starts (swc compiles the app) on a busy 2-core machine. */
jest.setTimeout(300_000);

describe('a worker process killed mid-job', () => {
  let redis: LaunchedRedis;
  let repository: string;
  let producer: ProducerHarness;
  const children: SupervisedChild[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    repository = mkdtempSync(join(tmpdir(), 'failover-models-'));
    producer = new ProducerHarness(redis.url);
    await producer.open();
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => child.stop()));
    await producer.close();
    await redis.stop();
    rmSync(repository, { recursive: true, force: true });
  });

  it('has its jobs taken over by another worker once the locks lapse, and every request is answered', async () => {
    const common = {
      REDIS_URL: redis.url,
      INFERENCE_MODEL_REPOSITORY: repository,
      INFERENCE_LOCK_DURATION_MS: '3000',
      INFERENCE_STALLED_INTERVAL_MS: '1000',
    };
    // The doomed worker's batcher waits a minute before its first pass, so the job is certainly running when killed.
    const doomed = await startWorkerProcess('doomed-worker', { ...common, INFERENCE_BATCH_DELAY_MS: '60000' });
    children.push(doomed);
    const deadlineMs = Date.now() + 120_000;
    const answer = producer.ask(
      'TextGeneration',
      '{"prompt": "survive", "max_tokens": 8, "temperature": 0.0, "seed": 0}',
      { deadlineMs },
    );
    // A synapse-batch job is taken over whole: both of its requests are answered by the survivor.
    const batchAnswers = producer.askBatch(
      [1, 2].map((seed) => ({
        synapse: 'TextGeneration',
        inputsJson: JSON.stringify({ prompt: 'survive', max_tokens: 8, temperature: 0.0, seed }),
        deadlineMs,
      })),
    );
    await waitFor(async () => (await producer.jobs.getActiveCount()) === 2);
    await doomed.kill('SIGKILL');

    const survivor = await startWorkerProcess('survivor-worker', common);
    children.push(survivor);
    const { jobId, replies } = await answer;
    expect(replies).toEqual([expect.objectContaining({ kind: 'done', jobId })]);
    for (const { replyId, replies: batchReplies } of await batchAnswers) {
      expect(batchReplies).toEqual([expect.objectContaining({ kind: 'done', jobId: replyId })]);
    }
    // The reply is published just before BullMQ records the completion, which deletes a completed job
    // (INFERENCE_JOB_DEFAULTS); a failed one would stay, in state 'failed'.
    await waitFor(async () => (await producer.jobs.getJobState(jobId)) === 'unknown');
    expect(await producer.jobs.getFailedCount()).toBe(0);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
