import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import { type AuthenticationHeaders, NotVerifiedError } from '@taonode/protocol';
import type { GatewayConfig } from '../config';
import type { VerifyRequest, VerifyResponse } from './verify.messages';

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
 * blocks the event loop that parses other requests. Round-robin; each thread answers in order.
 */
@Injectable()
export class SignatureVerifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SignatureVerifier.name);
  private readonly threads: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
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
    await Promise.all(this.threads.map((thread) => thread.terminate()));
    this.threads.length = 0;
  }

  /** Resolves when the signature is valid; rejects with {@link NotVerifiedError} (401) otherwise. */
  verify(headers: AuthenticationHeaders, ownHotkey: string): Promise<void> {
    const thread = this.threads[this.nextThread % this.threads.length];
    if (thread === undefined) {
      return Promise.reject(new Error('signature verifier is not running'));
    }
    this.nextThread += 1;
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: VerifyRequest = { id, headers, ownHotkey };
      thread.postMessage(request);
    });
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
    thread.on('message', (response: VerifyResponse) => this.settle(response));
    thread.on('error', (error) => this.logger.error({ err: error }, 'verify thread failed'));
    this.threads.push(thread);
  }

  private settle(response: VerifyResponse): void {
    const pending = this.pending.get(response.id);
    if (pending === undefined) {
      return;
    }
    this.pending.delete(response.id);
    if (response.ok) {
      pending.resolve();
    } else if (response.code === 'internal') {
      pending.reject(new Error(`verify thread: ${response.reason}`));
    } else {
      pending.reject(new NotVerifiedError(response.code, response.reason));
    }
  }
}
