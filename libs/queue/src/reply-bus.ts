import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SynapseJobResult } from './inference-job';
import { decodeReplyMessage, encodeReplyMessage } from './reply-codec';
import { ReplyBusClosedError, ReplyDeadlineError, ReplyFailedError } from './reply-errors';
import type { ReplyMessage } from './reply-message';

/** Channel names start with this (one channel per producer process). */
export const REPLY_CHANNEL_PREFIX = 'taonode:reply:';

/** A request waiting for its job's reply. */
export interface PendingReply {
  readonly jobId: string;
  /** The final outputs; rejects with `ReplyFailedError`, `ReplyDeadlineError` or `ReplyBusClosedError`. */
  readonly result: Promise<SynapseJobResult>;
  /** The `chunk` messages in arrival order; ends after `done`, throws what `result` rejects with. */
  readonly chunks: AsyncIterable<string>;
  /** Stops waiting (client went away); frees the entry at once. */
  cancel(): void;
}

type Settle = { kind: 'done'; result: SynapseJobResult } | { kind: 'error'; error: Error };

/** One waiting request: its chunk buffer, the iterator waiting for the next chunk, and its deadline timer. */
class Waiter implements PendingReply {
  readonly result: Promise<SynapseJobResult>;
  readonly chunks: AsyncIterable<string>;
  private resolveResult!: (result: SynapseJobResult) => void;
  private rejectResult!: (error: Error) => void;
  private readonly buffered: string[] = [];
  private wakeIterator: (() => void) | undefined;
  private settled: Settle | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly jobId: string,
    deadlineMs: number,
    private readonly release: (jobId: string) => void,
  ) {
    this.result = new Promise<SynapseJobResult>((resolve, reject) => {
      this.resolveResult = resolve;
      this.rejectResult = reject;
    });
    // A caller that only iterates the chunks sees the error there; the result promise must not go unhandled.
    this.result.catch(() => undefined);
    this.timer = setTimeout(() => this.fail(new ReplyDeadlineError(jobId)), Math.max(0, deadlineMs - Date.now()));
    this.timer.unref();
    this.chunks = { [Symbol.asyncIterator]: () => this.iterate() };
  }

  deliver(message: ReplyMessage): void {
    switch (message.kind) {
      case 'chunk':
        this.buffered.push(message.data);
        this.wake();
        return;
      case 'done':
        this.finish({ kind: 'done', result: { outputsJson: message.outputsJson } });
        return;
      case 'failed':
        this.fail(new ReplyFailedError(message.jobId, message.code, message.message));
        return;
    }
  }

  fail(error: Error): void {
    this.finish({ kind: 'error', error });
  }

  cancel(): void {
    this.fail(new ReplyBusClosedError(this.jobId));
  }

  private finish(outcome: Settle): void {
    if (this.settled !== undefined) {
      return;
    }
    this.settled = outcome;
    clearTimeout(this.timer);
    this.release(this.jobId);
    if (outcome.kind === 'done') {
      this.resolveResult(outcome.result);
    } else {
      this.rejectResult(outcome.error);
    }
    this.wake();
  }

  private wake(): void {
    const wake = this.wakeIterator;
    this.wakeIterator = undefined;
    wake?.();
  }

  private async *iterate(): AsyncGenerator<string> {
    for (;;) {
      const next = this.buffered.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      const settled = this.settled;
      if (settled !== undefined) {
        if (settled.kind === 'error') {
          throw settled.error;
        }
        return;
      }
      await new Promise<void>((resolve) => {
        this.wakeIterator = resolve;
      });
    }
  }
}

/**
 * The producer's side of the reply path. Workers publish `ReplyMessage`s on the job's `replyChannel`; this bus
 * holds one subscriber connection per process on its own channel and routes each message by `jobId` to the
 * request waiting for it.
 *
 * Why pub/sub: it is the lowest-latency answer path Redis offers — the worker's PUBLISH is pushed to us in the
 * same round trip, with no polling and no per-request key to read back. BullMQ's alternatives are slower or
 * shared: `job.waitUntilFinished` rides on QueueEvents, a single XREAD stream every producer reads in full (each
 * gateway would parse every other gateway's completions), and polling the job hash costs a round trip per poll.
 * Pub/sub is fire-and-forget: a message lost while the subscriber reconnects costs only that request, which ends
 * at its deadline like any late answer (the 408 path).
 */
export class ReplyBus {
  private readonly waiting = new Map<string, Waiter>();
  private closed = false;

  private constructor(
    private readonly subscriber: Redis,
    readonly channel: string,
  ) {}

  /** Subscribes `subscriber` (a dedicated connection: `createSubscriberConnection`) to a fresh channel. */
  static async open(subscriber: Redis, channel = `${REPLY_CHANNEL_PREFIX}${randomUUID()}`): Promise<ReplyBus> {
    const bus = new ReplyBus(subscriber, channel);
    subscriber.on('message', (from: string, text: string) => {
      if (from === channel) {
        bus.route(text);
      }
    });
    await subscriber.subscribe(channel);
    return bus;
  }

  /** Number of requests waiting (a gauge, and how tests see that nothing leaks). */
  get pendingCount(): number {
    return this.waiting.size;
  }

  /**
   * Starts waiting for `jobId`'s reply — call before enqueueing the job, so no reply can arrive unrouted. The wait
   * ends with `ReplyDeadlineError` at `deadlineMs` (epoch ms) unless a final message came first.
   */
  expect(jobId: string, deadlineMs: number): PendingReply {
    if (this.closed) {
      throw new ReplyBusClosedError(jobId);
    }
    const waiter = new Waiter(jobId, deadlineMs, (id) => this.waiting.delete(id));
    this.waiting.set(jobId, waiter);
    return waiter;
  }

  /** Unsubscribes and fails every waiting request with `ReplyBusClosedError`. Leaves the connection to its owner. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    for (const waiter of [...this.waiting.values()]) {
      waiter.cancel();
    }
    if (this.subscriber.status === 'ready') {
      await this.subscriber.unsubscribe(this.channel);
    }
  }

  private route(text: string): void {
    const message = decodeReplyMessage(text);
    if (message !== undefined) {
      this.waiting.get(message.jobId)?.deliver(message);
    }
  }
}

/** The worker's side: publishes one reply message on the job's `replyChannel`. */
export async function publishReply(publisher: Redis, channel: string, message: ReplyMessage): Promise<void> {
  await publisher.publish(channel, encodeReplyMessage(message));
}
