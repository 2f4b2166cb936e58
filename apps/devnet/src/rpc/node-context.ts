import type { Chain } from '../chain/chain';
import { StateDiscardedError, UnknownBlockError } from '../chain/chain';
import type { GenesisConfig } from '../genesis/genesis-config';
import type { DevnetRuntime } from '../runtime/devnet-runtime';
import type { BlockState, Hex } from '../state/block-state';
import type { Storage } from '../state/storage';
import { stateClientError } from './rpc-error';
import type { RpcHandler } from './rpc-server';

/** What RPC methods act on. */
export interface NodeContext {
  readonly chain: Chain;
  readonly runtime: DevnetRuntime;
  readonly genesis: GenesisConfig;
}

export type RpcMethodTable = Readonly<Record<string, RpcHandler>>;

/**
 * A storage view as of block `at` (best when omitted). Unknown and pruned blocks answer like a pruned
 * substrate node: 4003 "Client error: UnknownBlock: ...".
 */
export function storageAt(context: NodeContext, at: Hex | undefined): Storage {
  return mapBlockErrors(() => context.chain.storageAt(at));
}

/** The immutable state after block `at` (best when omitted), with the errors of `storageAt`. */
export function stateAt(context: NodeContext, at: Hex | undefined): BlockState {
  return mapBlockErrors(() => context.chain.stateAt(at));
}

function mapBlockErrors<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof StateDiscardedError || error instanceof UnknownBlockError) {
      throw stateClientError(`UnknownBlock: ${error.message}`);
    }
    throw error;
  }
}

/** The hash of block `at`, best when omitted; unknown hashes fail as in `storageAt`. */
export function blockHashAt(context: NodeContext, at: Hex | undefined): Hex {
  if (at === undefined) {
    return context.chain.best.hash;
  }
  if (!context.chain.block(at)) {
    throw stateClientError(`UnknownBlock: ${new UnknownBlockError(at).message}`);
  }
  return at;
}
