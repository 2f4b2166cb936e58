import type { ReplyMessage, SynapseJobData } from '@taonode/queue';
import type { GenerationRequest, GenerationResult } from '@taonode/synapses';
import type { InferenceWorkerConfig } from '../config';
import type { TextGenerationEngine } from '../engine/text-generation.engine';
import type { InferenceWorkerMetricsRepository } from '../inference-worker-metrics.repository';
import type { ReplyRepository } from './reply.repository';
import { SynapseJobService, type JobAttempt } from './synapse-job.service';

function newTestService(generate: (request: GenerationRequest, signal: AbortSignal) => Promise<GenerationResult>) {
  const published: ReplyMessage[] = [];
  const outcomes: string[] = [];
  const engine = {
    generate,
    stream: async function* (request: GenerationRequest, signal: AbortSignal) {
      yield (await generate(request, signal)).text;
      throw new Error('backend lost mid-stream');
    },
  } as unknown as TextGenerationEngine;
  const replies = {
    publish: (_channel: string, message: ReplyMessage) => Promise.resolve(void published.push(message)),
  };
  const metrics = { jobFinished: (_synapse: string, outcome: string) => void outcomes.push(outcome) };
  const config = { limits: { maxTokens: 16, maxPromptBytes: 64 } } as InferenceWorkerConfig;
  const sut = new SynapseJobService(
    config,
    engine,
    replies as unknown as ReplyRepository,
    metrics as unknown as InferenceWorkerMetricsRepository,
  );
  return { sut, published, outcomes };
}

function attempt(synapse: string, inputsJson: string, canRetry: boolean, deadlineMs = Date.now() + 60_000): JobAttempt {
  const data: SynapseJobData = {
    synapse,
    inputsJson,
    deadlineMs,
    requestId: 'r',
    replyChannel: 'c',
    stream: false,
  };
  return { jobId: 'j', data, canRetry, signal: new AbortController().signal };
}

const GENERATION = '{"prompt": "a", "max_tokens": 2, "temperature": 0.0, "seed": 0}';

describe('SynapseJobService', () => {
  it('leaves a transient backend failure to BullMQ while attempts remain, replying nothing', async () => {
    const { sut, published, outcomes } = newTestService(() => Promise.reject(new Error('backend down')));
    const verdict = await sut.run(attempt('TextGeneration', GENERATION, true));
    expect(verdict.kind).toBe('retry');
    expect(published).toEqual([]);
    expect(outcomes).toEqual(['retried']);
  });

  it('replies failed:internal on the last attempt', async () => {
    const { sut, published } = newTestService(() => Promise.reject(new Error('backend down')));
    const verdict = await sut.run(attempt('TextGeneration', GENERATION, false));
    expect(verdict.kind).toBe('unrecoverable');
    expect(published).toEqual([expect.objectContaining({ kind: 'failed', code: 'internal' })]);
  });

  it('never retries a stream that already sent chunks (they cannot be taken back)', async () => {
    const { sut, published } = newTestService(() => Promise.resolve({ text: 'x', tokenCount: 1 }));
    const verdict = await sut.run(attempt('StreamingTextGeneration', GENERATION, true));
    expect(verdict.kind).toBe('unrecoverable');
    expect(published.map((m) => m.kind)).toEqual(['chunk', 'failed']);
  });

  it('aborts a handler still running at the deadline and replies deadline-passed', async () => {
    const { sut, published } = newTestService(
      (_request, signal) =>
        new Promise<GenerationResult>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const verdict = await sut.run(attempt('TextGeneration', GENERATION, true, Date.now() + 100));
    expect(verdict.kind).toBe('unrecoverable');
    expect(published).toEqual([expect.objectContaining({ kind: 'failed', code: 'deadline-passed' })]);
  });

  it('never retries bad input, and says why', async () => {
    const { sut, published } = newTestService(() => Promise.resolve({ text: 'x', tokenCount: 1 }));
    const verdict = await sut.run(
      attempt('TextGeneration', GENERATION.replace('"max_tokens": 2', '"max_tokens": 17'), true),
    );
    expect(verdict.kind).toBe('unrecoverable');
    expect(published).toEqual([expect.objectContaining({ kind: 'failed', code: 'bad-input' })]);
  });
});
