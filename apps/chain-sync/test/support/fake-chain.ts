import { ChainError, type FinalizedHead, type Metagraph, type MetagraphReader } from '@taonode/chain';
import { blockHashOf, buildMetagraph } from '@taonode/testing';
import type { ChainConnectionEvent, FinalizedHeadSource } from '../../src/ports/finalized-head-source.port';

/**
 * An in-process chain: tests decide which finalized heads are announced, when the connection drops, and what each
 * subnet's metagraph looks like at each block. Implements both chain-sync ports.
 */
export class FakeChain implements FinalizedHeadSource, MetagraphReader {
  /** Per subnet: how its metagraph looks at a given block (default: `buildMetagraph` with that block). */
  readonly shapes = new Map<number, (block: number) => Metagraph>();
  readonly reads: { netuid: number; blockHash: string | undefined }[] = [];
  connected = false;
  started = false;
  private headListeners = new Set<(head: FinalizedHead) => void>();
  private connectionListeners = new Set<(event: ChainConnectionEvent) => void>();
  private blocks = new Map<`0x${string}`, number>();
  private readGate: Promise<void> | undefined;
  private failNextReads: ChainError | undefined;
  head: FinalizedHead | undefined;

  start(): Promise<void> {
    this.started = true;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.started = false;
    return Promise.resolve();
  }

  onFinalizedHead(listener: (head: FinalizedHead) => void): () => void {
    this.headListeners.add(listener);
    return () => this.headListeners.delete(listener);
  }

  onConnection(listener: (event: ChainConnectionEvent) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  blockHashAt(blockNumber: number): Promise<`0x${string}`> {
    if (!this.connected) {
      return Promise.reject(new ChainError('TAONODE_CHAIN_DISCONNECTED', 'not connected'));
    }
    if (this.head === undefined || blockNumber > this.head.number) {
      return Promise.reject(new ChainError('TAONODE_CHAIN_BLOCK_NOT_FOUND', `unknown block ${blockNumber}`));
    }
    const hash = blockHashOf(blockNumber);
    this.blocks.set(hash, blockNumber);
    return Promise.resolve(hash);
  }

  async read(netuid: number, blockHash?: `0x${string}`): Promise<Metagraph> {
    this.reads.push({ netuid, blockHash });
    await this.readGate;
    if (this.failNextReads !== undefined) {
      throw this.failNextReads;
    }
    if (!this.connected) {
      throw new ChainError('TAONODE_CHAIN_DISCONNECTED', 'not connected');
    }
    const block = blockHash === undefined ? this.head?.number : this.blocks.get(blockHash);
    if (block === undefined) {
      throw new ChainError('TAONODE_CHAIN_BLOCK_NOT_FOUND', `unknown block ${blockHash}`);
    }
    const shape = this.shapes.get(netuid);
    if (shape === undefined) {
      throw new ChainError('TAONODE_CHAIN_SUBNET_NOT_FOUND', `netuid ${netuid} does not exist`);
    }
    return shape(block);
  }

  /** Sets a subnet's shape; by default a fixed 4-neuron metagraph whose content never changes. */
  defineSubnet(
    netuid: number,
    shape: (block: number) => Metagraph = (block) => buildMetagraph({ netuid, block }),
  ): void {
    this.shapes.set(netuid, shape);
  }

  connect(reconnect = false): void {
    this.connected = true;
    this.emitConnection({ type: 'connected', reconnect });
  }

  disconnect(): void {
    this.connected = false;
    this.emitConnection({ type: 'disconnected' });
  }

  /** Finalizes block `number` and tells the followers. */
  finalize(number: number): FinalizedHead {
    const head = { number, hash: blockHashOf(number) };
    this.head = head;
    this.blocks.set(head.hash, number);
    for (const listener of this.headListeners) {
      listener(head);
    }
    return head;
  }

  /** Holds every read until the returned function is called. */
  holdReads(): () => void {
    let release = (): void => undefined;
    this.readGate = new Promise<void>((resolve) => {
      release = () => {
        this.readGate = undefined;
        resolve();
      };
    });
    return release;
  }

  /** Makes reads fail with `error` until called again with undefined. */
  failReads(error: ChainError | undefined): void {
    this.failNextReads = error;
  }

  private emitConnection(event: ChainConnectionEvent): void {
    for (const listener of this.connectionListeners) {
      listener(event);
    }
  }
}

/** A clock tests move by hand. */
export class FakeClock {
  constructor(public nowMs = 1_700_000_000_000) {}

  now(): number {
    return this.nowMs;
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }
}
