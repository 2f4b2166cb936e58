import { InferenceJobName } from './queue-names';

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

/** One request inside a `synapse-batch` job: a synapse job's own fields, answered under its own reply id. */
export interface SynapseBatchItem {
  /** The id its reply messages carry (their `jobId`): the producer routes each item's answer by it. */
  readonly replyId: string;
  readonly synapse: string;
  readonly inputsJson: string;
  readonly deadlineMs: number;
  readonly requestId: string;
}

/** The data of one `synapse-batch` job: non-streaming requests of one priority, one reply channel. */
export interface SynapseBatchJobData {
  readonly replyChannel: string;
  readonly items: readonly SynapseBatchItem[];
}

/** The value a completed `synapse-batch` job returns: how many of its items were answered with outputs. */
export interface SynapseBatchJobResult {
  readonly answered: number;
}

/** Maps each job name to its data and result type, so producers and the worker's dispatcher stay typed. */
export interface InferenceJobs {
  [InferenceJobName.Synapse]: { data: SynapseJobData; result: SynapseJobResult };
  [InferenceJobName.SynapseBatch]: { data: SynapseBatchJobData; result: SynapseBatchJobResult };
}

/** Data of any job on queue `inference`. */
export type InferenceJobData = InferenceJobs[keyof InferenceJobs]['data'];
/** Result of any job on queue `inference`. */
export type InferenceJobResult = InferenceJobs[keyof InferenceJobs]['result'];

/** One request a job carries: the synapse job it stands for and the id its reply messages carry. */
export interface SynapseRequest {
  readonly replyId: string;
  readonly data: SynapseJobData;
}

/**
 * The requests a job on queue `inference` carries, in order (one for `synapse`, whose replies carry the job's id;
 * each item of a `synapse-batch`, under its own reply id); undefined for a job name this version does not know.
 */
export function synapseRequestsOf(
  name: string,
  jobId: string,
  data: InferenceJobData,
): readonly SynapseRequest[] | undefined {
  switch (name as InferenceJobName) {
    case InferenceJobName.Synapse:
      return [{ replyId: jobId, data: data as SynapseJobData }];
    case InferenceJobName.SynapseBatch: {
      const { replyChannel, items } = data as SynapseBatchJobData;
      return items.map(({ replyId, ...item }) => ({ replyId, data: { ...item, replyChannel, stream: false } }));
    }
    default:
      return undefined;
  }
}
