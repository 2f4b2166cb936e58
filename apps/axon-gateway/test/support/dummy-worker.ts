import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { parseLosslessJson } from '@taonode/protocol';
import {
  createWorkerConnection,
  type InferenceJobData,
  InferenceJobName,
  publishReply,
  QUEUE_PREFIX,
  QueueName,
  type SynapseBatchJobData,
  type SynapseJobData,
} from '@taonode/queue';

export interface DummyWorker {
  /** Requests taken so far (each request of a synapse-batch job counts). */
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
  /** Dummy doubles its input; anything else gets 0. */
  const answerDummy = async (channel: string, jobId: string, inputsJson: string): Promise<void> => {
    const input = (parseLosslessJson(inputsJson) as Map<string, unknown>).get('dummy_input');
    const doubled = typeof input === 'bigint' ? input * 2n : 0n;
    await publishReply(publisher, channel, {
      kind: 'done',
      jobId,
      outputsJson: `{"dummy_output":${doubled.toString()}}`,
    });
  };
  const worker = new Worker<InferenceJobData>(
    QueueName.Inference,
    async (job) => {
      const batch = job.name === (InferenceJobName.SynapseBatch as string) ? (job.data as SynapseBatchJobData) : null;
      taken += batch?.items.length ?? 1;
      if (options.silent === true) {
        return;
      }
      if (batch !== null) {
        await Promise.all(batch.items.map((item) => answerDummy(batch.replyChannel, item.replyId, item.inputsJson)));
        return;
      }
      const data = job.data as SynapseJobData;
      const inputs = parseLosslessJson(data.inputsJson) as Map<string, unknown>;
      const jobId = job.id ?? '';
      if (data.stream) {
        // Streams the prompt back one character per chunk, then the final synapse's completion.
        const promptValue = inputs.get('prompt');
        const prompt = typeof promptValue === 'string' ? promptValue : '';
        let seq = 0;
        for (const character of prompt) {
          await publishReply(publisher, data.replyChannel, { kind: 'chunk', jobId, seq, data: character });
          seq += 1;
        }
        await publishReply(publisher, data.replyChannel, {
          kind: 'done',
          jobId,
          outputsJson: JSON.stringify({ completion: prompt }),
        });
        return;
      }
      await answerDummy(data.replyChannel, jobId, data.inputsJson);
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
