import type { FinalizedHead } from '@taonode/chain';

/** What chain-sync needs to hear about the connection: up (again) or down. */
export type ChainConnectionEvent =
  { readonly type: 'connected'; readonly reconnect: boolean } | { readonly type: 'disconnected' };

/**
 * The chain as chain-sync follows it (implemented over `@taonode/chain`'s client; faked in tests). Implementations
 * keep following across reconnects without the caller subscribing again.
 */
export interface FinalizedHeadSource {
  /** Connects (retrying in the background until `stop`); resolves without waiting for the chain to answer. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Calls `listener` for every new finalized head, in order (numbers may jump; they only go backwards when the chain
   * itself was replaced, such as a restarted devnet); returns the function that stops it.
   */
  onFinalizedHead(listener: (head: FinalizedHead) => void): () => void;
  onConnection(listener: (event: ChainConnectionEvent) => void): () => void;
  /** Hash of finalized block `blockNumber` (for `GetMetagraph` at a block). */
  blockHashAt(blockNumber: number): Promise<`0x${string}`>;
}

export const FINALIZED_HEAD_SOURCE = Symbol('FINALIZED_HEAD_SOURCE');
