import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { parseLosslessJson } from '@taonode/protocol';
import { createWorkerConnection, publishReply, QUEUE_PREFIX, QueueName, type SynapseJobData } from '@taonode/queue';

export interface DummyWorker {
  /** Jobs taken so far. */
  readonly taken: () => number;
  stop(): Promise<void>;
}

/**
 * A minimal in-test worker on queue `inference`: answers Dummy with `dummy_output = dummy_input * 2`, streams a
 * streaming synapse's prompt back one character per chunk, or never answers at all (`silent`), standing in for
 * inference-worker.
 */
export function startDummyWorker(redisUrl: string, options: { silent?: boolean } = {}): DummyWorker {
  const onError = (): void => undefined;
  const connection = createWorkerConnection({ url: redisUrl, connectionName: 'test-dummy-worker', onError });
  const publisher: Redis = createWorkerConnection({ url: redisUrl, connectionName: 'test-dummy-replies', onError });
  let taken = 0;
  const worker = new Worker<SynapseJobData>(
    QueueName.Inference,
    async (job) => {
      taken += 1;
      if (options.silent === true) {
        return;
      }
      const inputs = parseLosslessJson(job.data.inputsJson) as Map<string, unknown>;
      const jobId = job.id ?? '';
      if (job.data.stream) {
        // Streams the prompt back one character per chunk, then the final synapse's completion.
        const promptValue = inputs.get('prompt');
        const prompt = typeof promptValue === 'string' ? promptValue : '';
        let seq = 0;
        for (const data of prompt) {
          await publishReply(publisher, job.data.replyChannel, { kind: 'chunk', jobId, seq, data });
          seq += 1;
        }
        await publishReply(publisher, job.data.replyChannel, {
          kind: 'done',
          jobId,
          outputsJson: JSON.stringify({ completion: prompt }),
        });
        return;
      }
      const input = inputs.get('dummy_input');
      const doubled = typeof input === 'bigint' ? input * 2n : 0n;
      await publishReply(publisher, job.data.replyChannel, {
        kind: 'done',
        jobId,
        outputsJson: `{"dummy_output":${doubled.toString()}}`,
      });
    },
    { connection, prefix: QUEUE_PREFIX, concurrency: 64 },
  );
  return {
    taken: () => taken,
    stop: async () => {
      await worker.close();
      connection.disconnect();
      publisher.disconnect();
    },
  };
}
