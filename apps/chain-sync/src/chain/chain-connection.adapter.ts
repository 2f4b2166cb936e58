import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import {
  blockByNumber,
  ChainClient,
  type ChainLogger,
  ChainMetagraphReader,
  chainConnectOptions,
  type ConnectionEvent,
  type FinalizedHead,
  followFinalizedHeads,
  type Metagraph,
  type MetagraphReader,
} from '@taonode/chain';
import { APP_CONFIG } from '@taonode/config';
import { ChainFailure } from '../chain-failure';
import type { ChainSyncConfig } from '../config';
import type { ChainConnectionEvent, FinalizedHeadSource } from '../ports/finalized-head-source.port';

/** Pause between whole connection attempts when the chain is not there at startup (each attempt has its own backoff). */
const RETRY_CONNECT_MS = 2_000;

/**
 * chain-sync's ports over `@taonode/chain`: one {@link ChainClient} (endpoint pool, reconnect with backoff), its
 * finalized-head follower, and its metagraph reader. Startup never waits for the chain: `start` keeps trying to
 * connect in the background, so chain-sync comes up (unready) even while the chain is down.
 */
@Injectable()
export class ChainConnectionAdapter implements FinalizedHeadSource, MetagraphReader {
  private readonly logger = new Logger('ChainClient');
  private readonly headListeners = new Set<(head: FinalizedHead) => void>();
  private readonly connectionListeners = new Set<(event: ChainConnectionEvent) => void>();
  private client: ChainClient | undefined;
  private reader: ChainMetagraphReader | undefined;
  private following: Subscription | undefined;
  private stopConnectionEvents: (() => void) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: ChainSyncConfig) {}

  start(): Promise<void> {
    this.stopped = false;
    this.connectInBackground();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.following?.unsubscribe();
    this.stopConnectionEvents?.();
    const client = this.client;
    this.client = undefined;
    this.reader = undefined;
    await client?.disconnect();
  }

  onFinalizedHead(listener: (head: FinalizedHead) => void): () => void {
    this.headListeners.add(listener);
    return () => this.headListeners.delete(listener);
  }

  onConnection(listener: (event: ChainConnectionEvent) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  async blockHashAt(blockNumber: number): Promise<`0x${string}`> {
    const client = this.requireClient();
    const block = await client.call(`hash of block ${blockNumber}`, (api) => blockByNumber(api, blockNumber));
    return block.hash;
  }

  async read(netuid: number, blockHash?: `0x${string}`): Promise<Metagraph> {
    this.requireClient();
    if (this.reader === undefined) {
      throw this.notConnected();
    }
    return this.reader.read(netuid, blockHash);
  }

  private connectInBackground(): void {
    const { chain, sync } = this.config;
    ChainClient.connect({
      ...chainConnectOptions(chain),
      callTimeoutMs: sync.callTimeoutMs,
      logger: this.chainLogger(),
    }).then(
      (client) => this.onConnected(client),
      (error: unknown) => {
        if (this.stopped) {
          return;
        }
        const code = (error as { code?: unknown }).code;
        this.logger.warn({ code, err: error }, 'chain not reachable yet; retrying');
        this.retryTimer = setTimeout(() => this.connectInBackground(), RETRY_CONNECT_MS);
        this.retryTimer.unref();
      },
    );
  }

  private onConnected(client: ChainClient): void {
    if (this.stopped) {
      void client.disconnect();
      return;
    }
    this.client = client;
    this.reader = new ChainMetagraphReader(client, {
      source: this.config.sync.metagraphSource,
      timeoutMs: this.config.sync.callTimeoutMs,
      logger: this.chainLogger(),
    });
    this.stopConnectionEvents = client.onConnection((event) => this.onClientEvent(event));
    this.emitConnection({ type: 'connected', reconnect: false });
    this.following = followFinalizedHeads(client, { logger: this.chainLogger() }).subscribe((head) => {
      for (const listener of this.headListeners) {
        listener(head);
      }
    });
  }

  private onClientEvent(event: ConnectionEvent): void {
    switch (event.type) {
      case 'connected':
        this.emitConnection({ type: 'connected', reconnect: event.reconnect });
        return;
      case 'disconnected':
        this.emitConnection({ type: 'disconnected' });
        return;
      case 'reconnecting':
      case 'error':
        return;
    }
  }

  private emitConnection(event: ChainConnectionEvent): void {
    for (const listener of this.connectionListeners) {
      listener(event);
    }
  }

  private requireClient(): ChainClient {
    if (this.client === undefined) {
      throw this.notConnected();
    }
    return this.client;
  }

  private notConnected(): ChainFailure {
    return new ChainFailure('TAONODE_CHAIN_DISCONNECTED', 'unavailable', 'not connected to the chain yet');
  }

  /** The chain client logs through this service's logger (pino fields first, as both expect). */
  private chainLogger(): ChainLogger {
    return {
      info: (fields, message) => this.logger.log(fields, message),
      warn: (fields, message) => this.logger.warn(fields, message),
    };
  }
}
