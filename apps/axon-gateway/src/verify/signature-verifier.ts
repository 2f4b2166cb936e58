import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import { type AuthenticationHeaders, NotVerifiedError } from '@taonode/protocol';
import type { GatewayConfig } from '../config';
import type { VerifyBatch, VerifyBatchResult, VerifyItem } from './verify.messages';

/**
 * Boots a verify thread from TypeScript source when the gateway runs from source (tests, `bin/run-app.js`): the
 * thread registers the same swc transpiler the main thread uses before loading the worker module.
 */
const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.file.endsWith('.ts')) {
  process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || workerData.tsconfig;
  require('@swc-node/register');
}
require(workerData.file);
`;

interface Pending {
  resolve(): void;
  reject(error: Error): void;
}

/** A verification waiting for room on a thread, with the axon hotkey it must be addressed to. */
interface Queued {
  readonly ownHotkey: string;
  readonly item: VerifyItem;
}

/**
 * Verifications handed to one thread and not yet answered. A flood of forged signatures then queues here, on the
 * event loop, where a caller already proven on its connection goes ahead of it, instead of in the thread's message
 * queue, where it would go in arrival order. At ~0.1 ms a verification this is ~100 ms of work per thread: about
 * one turn of an event loop busy parsing a flood, so the thread never idles between two of its answers.
 */
const MAX_OUTSTANDING_PER_THREAD = 1024;

interface VerifyThread {
  readonly worker: Worker;
  outstanding: number;
}

/**
 * sr25519 request verification on a pool of worker threads (AXON_VERIFY_THREADS), so a burst of signatures never
 * blocks the event loop that parses other requests. The verifications asked for during one turn of the event loop
 * go to a thread as one message (`setImmediate` flushes them after the turn's I/O callbacks): a message costs each
 * side about as much as a verification, so batching halves the verify path's CPU under load and costs an idle
 * gateway nothing but the rest of the current turn. Each thread holds at most {@link MAX_OUTSTANDING_PER_THREAD}
 * unanswered verifications; the rest wait in two queues, and requests of callers proven on their connection
 * (`trusted`) are sent before the others, so forged signatures claiming a validator's hotkey cannot make the
 * validator wait behind them.
 */
@Injectable()
export class SignatureVerifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SignatureVerifier.name);
  private readonly threads: VerifyThread[] = [];
  private readonly pending = new Map<number, Pending>();
  private trustedQueue: Queued[] = [];
  private untrustedQueue: Queued[] = [];
  private flushScheduled = false;
  /** The last flush left verifications queued because every thread's window was full. */
  private backlogged = false;
  private nextId = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: GatewayConfig) {}

  async onModuleInit(): Promise<void> {
    const extension = __filename.endsWith('.ts') ? '.ts' : '.js';
    const file = join(__dirname, `verify.worker${extension}`);
    const tsconfig = join(__dirname, '..', '..', '..', '..', 'tsconfig.json');
    await Promise.all(Array.from({ length: this.config.verifyThreads }, () => this.startThread(file, tsconfig)));
  }

  async onApplicationShutdown(): Promise<void> {
    for (const pending of this.pending.values()) {
      pending.reject(new Error('signature verifier stopped'));
    }
    this.pending.clear();
    this.trustedQueue = [];
    this.untrustedQueue = [];
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
    this.threads.length = 0;
  }

  /** Verifications handed to each thread and not yet answered. */
  get outstandingByThread(): readonly number[] {
    return this.threads.map((thread) => thread.outstanding);
  }

  /** Verifications waiting for room on a thread (the rest are on the threads). */
  get queued(): number {
    return this.trustedQueue.length + this.untrustedQueue.length;
  }

  /**
   * Resolves when the signature over the request's hotkey claim, nonce, uuid and body hash is valid for
   * `ownHotkey`; rejects with {@link NotVerifiedError} (401) otherwise. `trusted`: the caller already proved this
   * hotkey on this connection, so its verification goes before those of unproven claims.
   */
  verify(headers: AuthenticationHeaders, ownHotkey: string, trusted: boolean): Promise<void> {
    if (this.threads.length === 0) {
      return Promise.reject(new Error('signature verifier is not running'));
    }
    const id = this.nextId++;
    const { hotkey, nonce, uuid, signature } = headers.dendrite;
    const item: VerifyItem = [
      id,
      hotkey,
      nonce === null ? null : nonce.toString(),
      uuid,
      signature,
      headers.computedBodyHash,
    ];
    (trusted ? this.trustedQueue : this.untrustedQueue).push({ ownHotkey, item });
    this.scheduleFlush();
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
    });
  }

  private scheduleFlush(): void {
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Hands queued verifications to the threads with room, trusted ones first, one message per thread and hotkey. */
  private flush(): void {
    this.flushScheduled = false;
    this.sendQueued();
    this.backlogged = this.queued > 0;
  }

  /** Each message goes to the thread with the least work outstanding, so several threads share the load. */
  private sendQueued(): void {
    for (;;) {
      const first = this.trustedQueue[0] ?? this.untrustedQueue[0];
      const thread = leastBusy(this.threads);
      if (first === undefined || thread === undefined || thread.outstanding >= MAX_OUTSTANDING_PER_THREAD) {
        return;
      }
      const room = MAX_OUTSTANDING_PER_THREAD - thread.outstanding;
      const trusted = takeWhile(this.trustedQueue, room, first.ownHotkey);
      const items = [...trusted, ...takeWhile(this.untrustedQueue, room - trusted.length, first.ownHotkey)];
      thread.outstanding += items.length;
      const message: VerifyBatch = { ownHotkey: first.ownHotkey, items };
      thread.worker.postMessage(message);
    }
  }

  private async startThread(file: string, tsconfig: string): Promise<void> {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { file, tsconfig } });
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => {
        worker.off('error', reject);
        resolve();
      });
    });
    const thread: VerifyThread = { worker, outstanding: 0 };
    worker.on('message', (result: VerifyBatchResult) => this.settle(thread, result));
    worker.on('error', (error) => this.logger.error({ err: error }, 'verify thread failed'));
    this.threads.push(thread);
  }

  private settle(thread: VerifyThread, result: VerifyBatchResult): void {
    thread.outstanding = Math.max(0, thread.outstanding - result.length);
    for (const outcome of result) {
      const pending = this.pending.get(outcome[0]);
      if (pending === undefined) {
        continue;
      }
      this.pending.delete(outcome[0]);
      if (outcome[1] === 'ok') {
        pending.resolve();
      } else if (outcome[1] === 'internal') {
        pending.reject(new Error(`verify thread: ${outcome[2]}`));
      } else {
        pending.reject(new NotVerifiedError(outcome[1], outcome[2]));
      }
    }
    // A backlog goes out at once, not after the turn: under a flood a turn is long, and the thread would idle
    // until it ends. Otherwise what this turn queued leaves as one message when the turn ends.
    if (this.backlogged) {
      this.flush();
    }
  }
}

function leastBusy(threads: readonly VerifyThread[]): VerifyThread | undefined {
  return threads.reduce<VerifyThread | undefined>(
    (best, thread) => (best === undefined || thread.outstanding < best.outstanding ? thread : best),
    undefined,
  );
}

/**
 * Removes and returns up to `limit` items from the front of `queue` addressed to `ownHotkey` (stopping at the first
 * addressed otherwise: a message carries one axon hotkey, and order within a queue is kept).
 */
function takeWhile(queue: Queued[], limit: number, ownHotkey: string): VerifyItem[] {
  let count = 0;
  while (count < limit && count < queue.length && queue[count]?.ownHotkey === ownHotkey) {
    count += 1;
  }
  return queue.splice(0, count).map((queued) => queued.item);
}
