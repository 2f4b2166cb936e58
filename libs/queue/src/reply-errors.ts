import { TaonodeError, type ErrorKind } from '@taonode/errors';
import type { ReplyFailureCode } from './reply-message';

/** Stable codes of the reply bus's errors (docs/errors.md, "## queue"). */
export type QueueErrorCode =
  'TAONODE_QUEUE_REPLY_DEADLINE' | 'TAONODE_QUEUE_REPLY_FAILED' | 'TAONODE_QUEUE_REPLY_BUS_CLOSED';

/** What each reply failure means to a caller, whatever the transport. */
const KIND_OF: Readonly<Record<QueueErrorCode, ErrorKind>> = {
  TAONODE_QUEUE_REPLY_DEADLINE: 'deadline-exceeded',
  TAONODE_QUEUE_REPLY_FAILED: 'internal',
  TAONODE_QUEUE_REPLY_BUS_CLOSED: 'cancelled',
};

/** Base of the errors `@taonode/queue` raises to a waiting producer. */
export abstract class QueueError extends TaonodeError {
  abstract override readonly code: QueueErrorCode;

  override get kind(): ErrorKind {
    return KIND_OF[this.code];
  }
}

/** No final reply arrived before the job's deadline (no worker, a slow worker, or a lost message). */
export class ReplyDeadlineError extends QueueError {
  readonly code = 'TAONODE_QUEUE_REPLY_DEADLINE';

  constructor(readonly jobId: string) {
    super(`no reply to job ${jobId} before its deadline`);
  }
}

/** The worker answered with a `failed` message. `failure` says whose fault it was. */
export class ReplyFailedError extends QueueError {
  readonly code = 'TAONODE_QUEUE_REPLY_FAILED';

  constructor(
    readonly jobId: string,
    readonly failure: ReplyFailureCode,
    detail: string,
  ) {
    super(`job ${jobId} failed (${failure}): ${detail}`);
  }
}

/** The reply bus was closed while the request waited (process shutdown). */
export class ReplyBusClosedError extends QueueError {
  readonly code = 'TAONODE_QUEUE_REPLY_BUS_CLOSED';

  constructor(readonly jobId: string) {
    super(`reply bus closed while job ${jobId} waited`);
  }
}
