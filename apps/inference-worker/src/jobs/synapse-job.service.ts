import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import type { ReplyFailureCode, SynapseJobData } from '@taonode/queue';
import { findSynapseModule, isBadSynapseInput, runSynapseModule, type SynapseHandlerContext } from '@taonode/synapses';
import type { InferenceWorkerConfig } from '../config';
import { TextGenerationEngine } from '../engine/text-generation.engine';
import { InferenceWorkerMetricsRepository } from '../inference-worker-metrics.repository';
import type { JobOutcome } from '../metrics';
import { JobAbortScope } from './job-abort-scope';
import { ReplyRepository } from './reply.repository';

/** How the transport must finish a job after {@link SynapseJobService.run}. */
export type JobVerdict =
  | { readonly kind: 'done'; readonly outputsJson: string }
  /** Never retry: the reply (if any) has been sent. */
  | { readonly kind: 'unrecoverable'; readonly reason: string }
  /** Let BullMQ retry with backoff; nothing was replied, so the producer keeps waiting. */
  | { readonly kind: 'retry'; readonly error: unknown };

export interface JobAttempt {
  readonly jobId: string;
  readonly data: SynapseJobData;
  /** False when this is the job's last attempt: a failure must then be replied to the producer. */
  readonly canRetry: boolean;
  /** Aborted when the worker gives up waiting for it at shutdown; the job's deadline is added here. */
  readonly signal: AbortSignal;
}

/**
 * Runs one synapse job: deadline check, dispatch to the synapse's handler, chunk and final replies. Bad input and
 * passed deadlines are final (replied at once); other failures are retried while attempts remain.
 */
@Injectable()
export class SynapseJobService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: InferenceWorkerConfig,
    private readonly engine: TextGenerationEngine,
    private readonly replies: ReplyRepository,
    private readonly metrics: InferenceWorkerMetricsRepository,
  ) {}

  async run(attempt: JobAttempt): Promise<JobVerdict> {
    const started = performance.now();
    const { data, jobId } = attempt;
    const module = findSynapseModule(data.synapse);
    const synapse = module?.synapse.name ?? 'unknown';
    const finish = async (outcome: JobOutcome, code: ReplyFailureCode, message: string): Promise<JobVerdict> => {
      await this.replies.publish(data.replyChannel, { kind: 'failed', jobId, code, message });
      this.metrics.jobFinished(synapse, outcome, (performance.now() - started) / 1000);
      return { kind: 'unrecoverable', reason: `${code}: ${message}` };
    };

    if (module === undefined) {
      return finish('bad-input', 'bad-input', `no handler for synapse '${data.synapse}'`);
    }
    if (data.deadlineMs <= Date.now()) {
      return finish('deadline-passed', 'deadline-passed', 'the deadline passed before the job ran');
    }

    const abort = new JobAbortScope(attempt.signal, data.deadlineMs);
    const context: SynapseHandlerContext = {
      generator: this.engine,
      limits: this.config.limits,
      requestId: data.requestId,
      get signal(): AbortSignal {
        return abort.signal;
      },
    };
    let seq = 0;
    try {
      const outputsJson = await runSynapseModule(module, data.inputsJson, context, (chunk) =>
        this.replies.publish(data.replyChannel, { kind: 'chunk', jobId, seq: seq++, data: chunk }),
      );
      await this.replies.publish(data.replyChannel, { kind: 'done', jobId, outputsJson });
      this.metrics.jobFinished(synapse, 'done', (performance.now() - started) / 1000);
      return { kind: 'done', outputsJson };
    } catch (error) {
      if (isBadSynapseInput(error)) {
        return finish('bad-input', 'bad-input', error.message);
      }
      if (Date.now() >= data.deadlineMs) {
        return finish('deadline-passed', 'deadline-passed', 'the deadline passed while the job ran');
      }
      // A chunk already sent cannot be taken back: a retried stream would repeat it, so a stream fails for good.
      // A job interrupted by shutdown lands here too and goes back to the queue for another worker.
      if (attempt.canRetry && seq === 0) {
        this.metrics.jobFinished(synapse, 'retried', (performance.now() - started) / 1000);
        return { kind: 'retry', error };
      }
      return finish('failed', 'internal', 'the worker could not answer');
    } finally {
      abort.close();
    }
  }
}
