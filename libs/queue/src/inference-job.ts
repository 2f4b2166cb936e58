import type { InferenceJobName } from './queue-names';

/**
 * The data of one `inference` job. Small and secret-free (style.md §5): the synapse's input fields travel as the
 * Python-JSON text of an object (so integers beyond 2^53 stay exact and BullMQ's JSON serialisation loses nothing),
 * never the whole request, headers or signatures.
 */
export interface SynapseJobData {
  /** Synapse class name (the route), e.g. `Dummy`, `TextGeneration`, `StreamingTextGeneration`. */
  readonly synapse: string;
  /** Python-JSON object text holding the synapse's own (non-base) input fields, as validated by the producer. */
  readonly inputsJson: string;
  /** Epoch milliseconds after which nobody waits for the answer; workers drop the job instead of running it. */
  readonly deadlineMs: number;
  /** Correlation id of the request (the gateway's `x-request-id` or the scorer's round/uid), for logs only. */
  readonly requestId: string;
  /** Redis pub/sub channel on which the producer waits for this job's reply messages. */
  readonly replyChannel: string;
  /** True when the producer wants the output as a stream of chunks before the final message. */
  readonly stream: boolean;
}

/** The value a completed `synapse` job returns (also sent as the `done` reply message). */
export interface SynapseJobResult {
  /** Python-JSON object text of the output fields the handler filled (e.g. `{"dummy_output": 8}`). */
  readonly outputsJson: string;
}

/** Maps each job name to its data and result type, so producers and the worker's dispatcher stay typed. */
export interface InferenceJobs {
  [InferenceJobName.Synapse]: { data: SynapseJobData; result: SynapseJobResult };
}
