import type { FieldShape, ShapeValues, SynapseDefinition, SynapseValues } from '@taonode/protocol';
import type { TextGenerator } from './text-generator.port';

/** Deployment bounds every handler enforces before any expensive step (bad input is rejected, never truncated). */
export interface SynapseInputLimits {
  /** Largest `max_tokens` a generation request may ask for. */
  readonly maxTokens: number;
  /** Largest prompt, in UTF-8 bytes. */
  readonly maxPromptBytes: number;
}

/** What a handler gets besides its inputs. */
export interface SynapseHandlerContext {
  readonly generator: TextGenerator;
  readonly limits: SynapseInputLimits;
  /** Aborted when the job's deadline passes or the worker shuts down; pass it to every backend call. */
  readonly signal: AbortSignal;
  /** Correlation id of the request, for log lines only. */
  readonly requestId: string;
}

/** The output fields a handler fills (any subset of the synapse's own fields). */
export type SynapseOutputs<S extends FieldShape> = Partial<ShapeValues<S>>;

/** A synapse answered with one response: the handler resolves to the output fields. */
export interface UnarySynapseModule<S extends FieldShape = FieldShape> {
  readonly kind: 'unary';
  readonly synapse: SynapseDefinition<S>;
  handle(inputs: SynapseValues<S>, ctx: SynapseHandlerContext): Promise<SynapseOutputs<S>>;
}

/**
 * A synapse answered as the SDK's `StreamingSynapse` does: the handler yields body chunks (sent to the caller as
 * produced) and returns the output fields the final synapse carries.
 */
export interface StreamingSynapseModule<S extends FieldShape = FieldShape> {
  readonly kind: 'streaming';
  readonly synapse: SynapseDefinition<S>;
  handle(inputs: SynapseValues<S>, ctx: SynapseHandlerContext): AsyncGenerator<string, SynapseOutputs<S>, undefined>;
}

export type SynapseModule<S extends FieldShape = FieldShape> = UnarySynapseModule<S> | StreamingSynapseModule<S>;

/**
 * Declares a synapse type and its handler in one file:
 * ```ts
 * export default defineSynapseModule({
 *   kind: 'unary',
 *   synapse: defineSynapse({ name: 'Echo', fields: { text: py.str(), echoed: py.optional(py.str()).default(null) } }),
 *   handle: async (inputs) => ({ echoed: inputs.text }),
 * });
 * ```
 * then add it to `SYNAPSE_MODULES` (registry.ts): the gateway serves its route, the worker runs its handler.
 */
export function defineSynapseModule<S extends FieldShape>(module: SynapseModule<S>): SynapseModule<S> {
  return module;
}
