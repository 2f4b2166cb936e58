/**
 * Messages a worker publishes on a job's `replyChannel`. The producer subscribes to one channel per process and
 * routes by `jobId`: the answer reaches the waiting request without polling (pub/sub delivery is a single Redis
 * round trip, lower latency than QueueEvents' shared stream). A lost message costs only that request, which then
 * ends at its deadline like any late answer.
 */
export type ReplyMessage =
  | { readonly kind: 'chunk'; readonly jobId: string; readonly seq: number; readonly data: string }
  | { readonly kind: 'done'; readonly jobId: string; readonly outputsJson: string }
  | { readonly kind: 'failed'; readonly jobId: string; readonly code: ReplyFailureCode; readonly message: string };

/** Why a job produced no answer, as the producer must map it (bad input → the caller's fault; the rest → 5xx). */
export type ReplyFailureCode = 'bad-input' | 'deadline-passed' | 'backend-unavailable' | 'internal';
