import { TaonodeError, type ErrorKind } from '@taonode/errors';

/**
 * The request's inputs can never succeed (out of bounds, not valid for the synapse's declaration). The worker turns
 * it into a BullMQ `UnrecoverableError` (no retry) and replies `failed` with code `bad-input`.
 */
export class BadSynapseInputError extends TaonodeError {
  readonly code = 'TAONODE_SYNAPSE_BAD_INPUT';
  readonly kind: ErrorKind = 'invalid-argument';

  constructor(
    readonly synapse: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${synapse}: ${message}`, options);
  }
}

/** True for a {@link BadSynapseInputError} (recognised by type, never by message). */
export function isBadSynapseInput(error: unknown): error is BadSynapseInputError {
  return error instanceof BadSynapseInputError;
}
