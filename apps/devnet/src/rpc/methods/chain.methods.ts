import type { BlockRecord } from '../../chain/block-record';
import type { Hex } from '../../state/block-state';
import type { NodeContext, RpcMethodTable } from '../node-context';
import type { RpcConnection } from '../rpc-connection';
import { invalidParams } from '../rpc-error';
import { optional, optionalBlockHash } from '../rpc-params';

const blockJson = (block: BlockRecord) => ({
  block: { header: block.header.json, extrinsics: block.extrinsics },
  justifications: null,
});

/** `chain_getBlockHash` accepts a number, a hex or decimal string, or a list of them (ListOrValue). */
function blockNumber(value: unknown): number {
  const parsed = typeof value === 'string' ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed) || parsed < 0) {
    throw invalidParams('expected a block number');
  }
  return parsed;
}

/**
 * `chain_*`: block hashes, headers and bodies (null for unknown blocks, as substrate answers), the finalized
 * head, and head subscriptions that send the current head at once and every new one after it.
 */
export function chainMethods(context: NodeContext): RpcMethodTable {
  const { chain } = context;
  const headerAt = (hash: Hex | undefined) => (hash ? chain.block(hash) : chain.best)?.header.json ?? null;
  const subscribeHeads =
    (notification: string, unsubscribe: readonly string[], kind: 'best' | 'finalized' | 'all') =>
    (_params: readonly unknown[], connection: RpcConnection) => {
      let stop: () => void = () => undefined;
      const subscription = connection.subscribe(notification, unsubscribe, () => stop());
      const current = kind === 'finalized' ? chain.finalized : chain.best;
      subscription.notify(current.header.json);
      stop = chain.subscribe(
        kind === 'finalized'
          ? { onFinalized: (block) => subscription.notify(block.header.json) }
          : { onNewBest: (block) => subscription.notify(block.header.json) },
      );
      return subscription.id;
    };
  const unsubscribe = (name: string) => (params: readonly unknown[], connection: RpcConnection) =>
    connection.unsubscribe(name, params[0]);

  const newHeadsUnsubscribe = ['chain_unsubscribeNewHeads', 'chain_unsubscribeNewHead', 'unsubscribe_newHead'];
  const finalizedUnsubscribe = ['chain_unsubscribeFinalizedHeads', 'chain_unsubscribeFinalisedHeads'];
  const methods: Record<string, RpcMethodTable[string]> = {
    chain_getBlockHash: (params) => {
      const requested = optional(params, 0);
      if (requested === undefined) {
        return chain.best.hash;
      }
      if (Array.isArray(requested)) {
        return requested.map((item) => chain.hashAt(blockNumber(item)) ?? null);
      }
      return chain.hashAt(blockNumber(requested)) ?? null;
    },
    chain_getHeader: (params) => headerAt(optionalBlockHash(params, 0)),
    chain_getBlock: (params) => {
      const hash = optionalBlockHash(params, 0);
      const block = hash ? chain.block(hash) : chain.best;
      return block ? blockJson(block) : null;
    },
    chain_getFinalizedHead: () => chain.finalized.hash,
    chain_subscribeNewHeads: subscribeHeads('chain_newHead', newHeadsUnsubscribe, 'best'),
    chain_subscribeAllHeads: subscribeHeads('chain_allHead', ['chain_unsubscribeAllHeads'], 'all'),
    chain_subscribeFinalizedHeads: subscribeHeads('chain_finalizedHead', finalizedUnsubscribe, 'finalized'),
  };
  for (const name of [...newHeadsUnsubscribe, ...finalizedUnsubscribe, 'chain_unsubscribeAllHeads']) {
    methods[name] = unsubscribe(name);
  }
  // Aliases substrate still registers.
  const aliases: Readonly<Record<string, string>> = {
    chain_getHead: 'chain_getBlockHash',
    chain_getFinalisedHead: 'chain_getFinalizedHead',
    chain_subscribeNewHead: 'chain_subscribeNewHeads',
    subscribe_newHead: 'chain_subscribeNewHeads',
    chain_subscribeFinalisedHeads: 'chain_subscribeFinalizedHeads',
  };
  for (const [alias, target] of Object.entries(aliases)) {
    const handler = methods[target];
    if (handler) {
      methods[alias] = handler;
    }
  }
  return methods;
}
