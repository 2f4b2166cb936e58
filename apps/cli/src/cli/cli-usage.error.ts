import { TaonodeError } from '@taonode/errors';

/** A mistake in how the command was called (missing or contradictory flags), as opposed to a wallet error. */
export class CliUsageError extends TaonodeError {
  override readonly name = 'CliUsageError';
  readonly code = 'TAONODE_CLI_USAGE';
  readonly kind = 'invalid-argument';
}

/** The user aborted an interactive prompt (Ctrl-C / Ctrl-D). */
export class PromptCancelledError extends TaonodeError {
  override readonly name = 'PromptCancelledError';
  readonly code = 'TAONODE_CLI_PROMPT_CANCELLED';
  readonly kind = 'cancelled';
}
