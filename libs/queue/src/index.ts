/**
 * @taonode/queue — the contract between producers and consumers of BullMQ queues: queue and job names, typed
 * payloads and results, reply messages, and the Redis connection factories every app uses.
 */
export { InferenceJobName, QUEUE_PREFIX, QueueName } from './queue-names';
export type { InferenceJobs, SynapseJobData, SynapseJobResult } from './inference-job';
export type { ReplyFailureCode, ReplyMessage } from './reply-message';
