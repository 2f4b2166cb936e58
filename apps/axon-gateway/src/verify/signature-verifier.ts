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

/**
 * sr25519 request verification on a pool of worker threads (AXON_VERIFY_THREADS), so a burst of signatures never
 * blocks the event loop that parses other requests. The verifications asked for during one turn of the event loop
 * go to one thread as one message (`setImmediate` flushes them after the turn's I/O callbacks): a message costs
 * each side about as much as a verification, so batching halves the verify path's CPU under load and costs an
 * idle gateway nothing but the rest of the current turn. Batches go round-robin; each thread answers in order.
 */
@Injectable()
export class SignatureVerifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SignatureVerifier.name);
  private readonly threads: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private batch: VerifyItem[] = [];
  private batchHotkey = '';
  private flushScheduled = false;
  private nextId = 0;
  private nextThread = 0;

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
    this.batch = [];
    await Promise.all(this.threads.map((thread) => thread.terminate()));
    this.threads.length = 0;
  }

  /**
   * Resolves when the signature over the request's hotkey claim, nonce, uuid and body hash is valid for
   * `ownHotkey`; rejects with {@link NotVerifiedError} (401) otherwise.
   */
  verify(headers: AuthenticationHeaders, ownHotkey: string): Promise<void> {
    if (this.threads.length === 0) {
      return Promise.reject(new Error('signature verifier is not running'));
    }
    if (this.batch.length > 0 && this.batchHotkey !== ownHotkey) {
      this.flush();
    }
    const id = this.nextId++;
    const { hotkey, nonce, uuid, signature } = headers.dendrite;
    this.batch.push([id, hotkey, nonce === null ? null : nonce.toString(), uuid, signature, headers.computedBodyHash]);
    this.batchHotkey = ownHotkey;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const items = this.batch;
    if (items.length === 0) {
      return;
    }
    this.batch = [];
    const thread = this.threads[this.nextThread % this.threads.length];
    this.nextThread += 1;
    if (thread === undefined) {
      this.settleAll(items, new Error('signature verifier is not running'));
      return;
    }
    const message: VerifyBatch = { ownHotkey: this.batchHotkey, items };
    thread.postMessage(message);
  }

  private async startThread(file: string, tsconfig: string): Promise<void> {
    const thread = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { file, tsconfig } });
    await new Promise<void>((resolve, reject) => {
      thread.once('error', reject);
      thread.once('message', () => {
        thread.off('error', reject);
        resolve();
      });
    });
    thread.on('message', (result: VerifyBatchResult) => this.settle(result));
    thread.on('error', (error) => this.logger.error({ err: error }, 'verify thread failed'));
    this.threads.push(thread);
  }

  private settle(result: VerifyBatchResult): void {
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
  }

  private settleAll(items: readonly VerifyItem[], error: Error): void {
    for (const [id] of items) {
      this.pending.get(id)?.reject(error);
      this.pending.delete(id);
    }
  }
}
