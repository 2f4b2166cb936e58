import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { parseLosslessJson } from '@taonode/protocol';
import {
  createWorkerConnection,
  type InferenceJobData,
  publishReply,
  QUEUE_PREFIX,
  QueueName,
  type SynapseRequest,
  synapseRequestsOf,
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
  /**
   * Answers one request: Dummy with its input doubled (anything else gets 0); a stream with its prompt back one
   * character per chunk, then the final synapse's completion.
   */
  const answer = async ({ replyId: jobId, data }: SynapseRequest): Promise<void> => {
    const inputs = parseLosslessJson(data.inputsJson) as Map<string, unknown>;
    if (data.stream) {
      const promptValue = inputs.get('prompt');
      const prompt = typeof promptValue === 'string' ? promptValue : '';
      let seq = 0;
      for (const character of prompt) {
        await publishReply(publisher, data.replyChannel, { kind: 'chunk', jobId, seq, data: character });
        seq += 1;
      }
      const outputsJson = JSON.stringify({ completion: prompt });
      await publishReply(publisher, data.replyChannel, { kind: 'done', jobId, outputsJson });
      return;
    }
    const input = inputs.get('dummy_input');
    const doubled = typeof input === 'bigint' ? input * 2n : 0n;
    const outputsJson = `{"dummy_output":${doubled.toString()}}`;
    await publishReply(publisher, data.replyChannel, { kind: 'done', jobId, outputsJson });
  };
  const worker = new Worker<InferenceJobData>(
    QueueName.Inference,
    async (job) => {
      const requests = synapseRequestsOf(job.name, job.id ?? '', job.data) ?? [];
      taken += requests.length;
      if (options.silent !== true) {
        await Promise.all(requests.map(answer));
      }
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
