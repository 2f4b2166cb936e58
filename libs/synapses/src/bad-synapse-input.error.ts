/**
 * The request's inputs can never succeed (out of bounds, not valid for the synapse's declaration). The worker turns
 * it into a BullMQ `UnrecoverableError` (no retry) and replies `failed` with code `bad-input`.
 */
export class BadSynapseInputError extends Error {
  readonly code = 'bad-input';

  constructor(
    readonly synapse: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${synapse}: ${message}`, options);
    this.name = 'BadSynapseInputError';
  }
}

/** True for a {@link BadSynapseInputError} (recognised by type, never by message). */
export function isBadSynapseInput(error: unknown): error is BadSynapseInputError {
  return error instanceof BadSynapseInputError;
}
