import type { ReplyFailureCode } from './reply-message';

/** Stable codes of the reply bus's errors (docs/errors.md, "## queue"). */
export type QueueErrorCode = 'QUEUE_REPLY_DEADLINE' | 'QUEUE_REPLY_FAILED' | 'QUEUE_REPLY_BUS_CLOSED';

/** Base of the errors `@taonode/queue` raises to a waiting producer. */
export abstract class QueueError extends Error {
  abstract readonly code: QueueErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No final reply arrived before the job's deadline (no worker, a slow worker, or a lost message). */
export class ReplyDeadlineError extends QueueError {
  readonly code = 'QUEUE_REPLY_DEADLINE';

  constructor(readonly jobId: string) {
    super(`no reply to job ${jobId} before its deadline`);
  }
}

/** The worker answered with a `failed` message. `failure` says whose fault it was. */
export class ReplyFailedError extends QueueError {
  readonly code = 'QUEUE_REPLY_FAILED';

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
  readonly code = 'QUEUE_REPLY_BUS_CLOSED';

  constructor(readonly jobId: string) {
    super(`reply bus closed while job ${jobId} waited`);
  }
}
