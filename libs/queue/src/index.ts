/**
 * @taonode/queue — the contract between producers and consumers of BullMQ queues: queue and job names, typed
 * payloads and results, reply messages, and the Redis connection factories every app uses.
 */
export { InferenceJobName, QUEUE_PREFIX, QueueName } from './queue-names';
export {
  type InferenceJobData,
  type InferenceJobResult,
  type InferenceJobs,
  type SynapseBatchItem,
  type SynapseBatchJobData,
  type SynapseBatchJobResult,
  type SynapseJobData,
  type SynapseJobResult,
  type SynapseRequest,
  synapseRequestsOf,
} from './inference-job';
export type { ReplyFailureCode, ReplyMessage } from './reply-message';
export {
  closeConnection,
  connectionReady,
  createProducerConnection,
  createSubscriberConnection,
  createReplyPublisherConnection,
  createStateConnection,
  createWorkerConnection,
  type RedisConnectionOptions,
  type RedisErrorListener,
} from './redis-connections';
export { INFERENCE_JOB_DEFAULTS, MAX_JOB_PRIORITY, priorityForStake } from './job-options';
export { type EnqueueSynapseJobOptions, SynapseJobProducer } from './synapse-job.producer';
export { SynapseJobClient, type SynapseJobClientOptions, type SynapseWork } from './synapse-job.client';
export { decodeReplyMessage, encodeReplyMessage } from './reply-codec';
export {
  QueueError,
  type QueueErrorCode,
  ReplyBusClosedError,
  ReplyDeadlineError,
  ReplyFailedError,
} from './reply-errors';
export { type PendingReply, publishReply, REPLY_CHANNEL_PREFIX, ReplyBus } from './reply-bus';
export {
  MalformedScoreEntryError,
  type RewardObservation,
  SCORE_KEY_PREFIX,
  type ScoreEntry,
  ScoreStore,
  scoreKey,
} from './score-store';
