import { TaonodeError, type ErrorKind } from '@taonode/errors';

/** Stable codes of the errors `@taonode/dendrite` throws (docs/errors.md, "## dendrite"). */
export type DendriteErrorCode =
  /** A query the dendrite refuses before signing anything: bad timeout, port, address or an empty hotkey. */
  'TAONODE_DENDRITE_INVALID_QUERY';

/** Thrown for caller mistakes only; a miner's failure is never thrown, it is a status in its response. */
export class DendriteError extends TaonodeError {
  readonly kind: ErrorKind = 'invalid-argument';

  constructor(
    readonly code: DendriteErrorCode,
    message: string,
  ) {
    super(message);
  }
}
