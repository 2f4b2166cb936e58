import { BaseSynapse, Dummy, type FieldShape, type SynapseDefinition, TextGeneration } from '@taonode/protocol';

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
 * The synapse types this gateway serves. The one place to switch over to `@taonode/synapses`' registry
 * (`SYNAPSE_MODULES.map((m) => ({ definition: m.synapse, streaming: m.kind === 'streaming' }))`) once it lands;
 * until then the protocol library's built-ins.
 */
export function servedSynapses(): readonly ServedSynapse[] {
  return [
    { definition: Dummy, streaming: false },
    { definition: TextGeneration, streaming: false },
  ];
}
