import { BaseSynapse, type FieldShape, type SynapseDefinition } from '@taonode/protocol';
import { SYNAPSE_MODULES } from '@taonode/synapses';

/** A synapse type the gateway serves: its definition (route, fields, hash fields) and how it answers. */
export interface ServedSynapse {
  readonly definition: SynapseDefinition<FieldShape>;
  /** Answered as the SDK's StreamingSynapse (text/event-stream, chunks as produced). */
  readonly streaming: boolean;
  /** Answered by the gateway itself, without a worker (the base `Synapse` ping). */
  readonly local?: boolean;
}

/**
 * The Python axon's built-in ping: `POST /Synapse` is verified like any request and answered 200 with the synapse
 * unchanged. No job is queued.
 */
export const PING_SYNAPSE: ServedSynapse = { definition: BaseSynapse, streaming: false, local: true };

/**
 * The synapse types this gateway serves: every module of `@taonode/synapses`' registry (the extension point where a
 * subnet developer adds a type and its handler in one file); the worker runs their handlers.
 */
export function servedSynapses(): readonly ServedSynapse[] {
  return SYNAPSE_MODULES.map((module) => ({ definition: module.synapse, streaming: module.kind === 'streaming' }));
}
