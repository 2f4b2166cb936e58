/**
 * Queue names shared by producers (axon-gateway, validator-scorer) and consumers (inference-worker).
 * Every queue lives under the `taonode` prefix; the `{…}` hash tag keeps one queue's keys in one Redis Cluster slot.
 */
export enum QueueName {
  Inference = 'inference',
}

/** Prefix for every BullMQ key (style.md §5); wrapped in a hash tag so a queue works on Redis Cluster. */
export const QUEUE_PREFIX = '{taonode}';

/** Job names on queue `inference`: one per kind of work, dispatched with an exhaustive switch by the worker. */
export enum InferenceJobName {
  /** Answer a synapse request: the worker runs the synapse's handler and replies with the output fields. */
  Synapse = 'synapse',
  /**
   * Answer several non-streaming synapse requests of one priority that a producer submitted in the same turn of
   * its event loop: one job's round trips (add, fetch, complete) shared by all of them, each answered on its own.
   */
  SynapseBatch = 'synapse-batch',
}
