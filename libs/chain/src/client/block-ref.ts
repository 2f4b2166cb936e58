import type { ApiPromise } from '@polkadot/api';
import { ChainError } from '../errors/chain.error';

/** A block by hash and number. */
export interface BlockRef {
  readonly hash: `0x${string}`;
  readonly number: number;
}

/** The finalized head (`chain_getFinalizedHead` + its header). */
export async function finalizedBlock(api: ApiPromise): Promise<BlockRef> {
  const hash = await api.rpc.chain.getFinalizedHead();
  return blockByHash(api, hash.toHex());
}

/** The best (latest imported) block. */
export async function bestBlock(api: ApiPromise): Promise<BlockRef> {
  const header = await api.rpc.chain.getHeader();
  return { hash: header.hash.toHex(), number: header.number.toNumber() };
}

/** Number of the block `hash`; `TAONODE_CHAIN_BLOCK_NOT_FOUND` when the node does not know it. */
export async function blockByHash(api: ApiPromise, hash: `0x${string}`): Promise<BlockRef> {
  const header = await api.rpc.chain.getHeader(hash);
  // Some nodes answer null for unknown hashes, which @polkadot/api decodes as an empty header.
  if (header.parentHash.isEmpty && header.number.toNumber() === 0 && header.stateRoot.isEmpty) {
    throw new ChainError('TAONODE_CHAIN_BLOCK_NOT_FOUND', `block ${hash} is unknown to the node`);
  }
  return { hash, number: header.number.toNumber() };
}

/** Hash of block `number`; `TAONODE_CHAIN_BLOCK_NOT_FOUND` when the chain is not that long (or pruned it). */
export async function blockByNumber(api: ApiPromise, number: number): Promise<BlockRef> {
  const hash = await api.rpc.chain.getBlockHash(number);
  if (hash.isEmpty) {
    throw new ChainError('TAONODE_CHAIN_BLOCK_NOT_FOUND', `block #${number} is unknown to the node`);
  }
  return { hash: hash.toHex(), number };
}

/** `blockHash` with its number, or the finalized head when omitted. */
export async function resolveBlock(api: ApiPromise, blockHash?: `0x${string}`): Promise<BlockRef> {
  return blockHash === undefined ? finalizedBlock(api) : blockByHash(api, blockHash);
}
