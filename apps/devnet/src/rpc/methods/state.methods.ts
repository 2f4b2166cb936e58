import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { BadRuntimeApiInputError } from '../../runtime-apis/runtime-api-args';
import { RuntimeApiNotFoundError } from '../../runtime-apis/runtime-api-registry';
import type { Hex } from '../../state/block-state';
import { blockHashAt, stateAt, storageAt, type NodeContext, type RpcMethodTable } from '../node-context';
import type { RpcConnection } from '../rpc-connection';
import { RpcError, RpcErrorCode, invalidParams, stateClientError } from '../rpc-error';
import {
  hexListParam,
  hexParam,
  numberParam,
  optional,
  optionalBlockHash,
  optionalHexParam,
  stringParam,
} from '../rpc-params';

/** substrate's `STORAGE_KEYS_PAGED_MAX_COUNT`. */
const MAX_KEYS_PAGED = 1000;

/**
 * `state_*`: storage reads at any retained block, key listing, metadata and runtime version, `state_call`
 * into the runtime APIs, and runtime-version and storage subscriptions (the storage one sends the current
 * values at once, then the subscribed keys that each new best block changed).
 */
export function stateMethods(context: NodeContext): RpcMethodTable {
  const { chain, runtime } = context;
  const valueAt = (key: Hex, at: Hex | undefined): Hex | null => storageAt(context, at).getRaw(key) ?? null;
  const stateOf = (at: Hex | undefined) => stateAt(context, at);

  const methods: Record<string, RpcMethodTable[string]> = {
    state_getStorage: (params) => valueAt(hexParam(params, 0, 'key'), optionalBlockHash(params, 1)),
    state_getStorageAt: (params) => valueAt(hexParam(params, 0, 'key'), optionalBlockHash(params, 1)),
    state_getStorageHash: (params) => {
      const value = valueAt(hexParam(params, 0, 'key'), optionalBlockHash(params, 1));
      return value === null ? null : blake2AsHex(hexToU8a(value), 256);
    },
    state_getStorageSize: (params) => {
      const value = valueAt(hexParam(params, 0, 'key'), optionalBlockHash(params, 1));
      return value === null ? null : (value.length - 2) / 2;
    },
    state_queryStorageAt: (params) => {
      const keys = hexListParam(params, 0, 'keys');
      const at = optionalBlockHash(params, 1);
      const storage = storageAt(context, at);
      return [{ block: blockHashAt(context, at), changes: keys.map((key) => [key, storage.getRaw(key) ?? null]) }];
    },
    state_queryStorage: (params) => {
      const keys = hexListParam(params, 0, 'keys');
      const from = chain.block(hexParam(params, 1, 'fromBlock'));
      const toHash = optionalBlockHash(params, 2);
      const to = toHash ? chain.block(toHash) : chain.best;
      if (!from || !to || from.number > to.number) {
        throw new RpcError(RpcErrorCode.StateClient - 2, 'Cannot resolve a block range');
      }
      const result: { block: Hex; changes: [Hex, Hex | null][] }[] = [];
      let previous: Map<Hex, Hex | null> | undefined;
      for (let number = from.number; number <= to.number; number += 1) {
        const hash = chain.hashAt(number) as Hex;
        const storage = storageAt(context, hash);
        const current = new Map(keys.map((key) => [key, storage.getRaw(key) ?? null] as const));
        const changed = [...current].filter(([key, value]) => !previous || previous.get(key) !== value);
        if (changed.length > 0) {
          result.push({ block: hash, changes: changed });
        }
        previous = current;
      }
      return result;
    },
    state_getKeys: (params) => {
      const prefix = hexParam(params, 0, 'prefix');
      return stateOf(optionalBlockHash(params, 1)).keysPaged(prefix, Number.MAX_SAFE_INTEGER);
    },
    state_getPairs: (params) => {
      const prefix = hexParam(params, 0, 'prefix');
      const state = stateOf(optionalBlockHash(params, 1));
      return state.keysPaged(prefix, Number.MAX_SAFE_INTEGER).map((key) => [key, state.get(key)]);
    },
    state_getKeysPaged: (params) => {
      const prefix = optionalHexParam(params, 0, 'prefix') ?? '0x';
      const count = numberParam(params, 1, 'count');
      if (count > MAX_KEYS_PAGED) {
        throw new RpcError(
          RpcErrorCode.StateInvalidCount,
          `count exceeds maximum value. value: ${count}, max: ${MAX_KEYS_PAGED}`,
        );
      }
      const startKey = optionalHexParam(params, 2, 'startKey');
      return stateOf(optionalBlockHash(params, 3)).keysPaged(prefix, count, startKey);
    },
    state_getMetadata: (params) => {
      blockHashAt(context, optionalBlockHash(params, 0));
      return runtime.metadata.metadataHex;
    },
    state_getRuntimeVersion: (params) => {
      blockHashAt(context, optionalBlockHash(params, 0));
      return runtime.version.json;
    },
    state_call: (params) => {
      const method = stringParam(params, 0, 'method');
      const data = optionalHexParam(params, 1, 'data') ?? '0x';
      const storage = storageAt(context, optionalBlockHash(params, 2));
      try {
        return u8aToHex(runtime.apis.call(method, storage, hexToU8a(data)));
      } catch (error) {
        if (error instanceof RuntimeApiNotFoundError) {
          throw stateClientError(`Execution failed: Other: ${error.message}`);
        }
        if (error instanceof BadRuntimeApiInputError) {
          throw stateClientError(`Execution failed: Runtime panicked: ${error.message}`);
        }
        throw error;
      }
    },
    state_subscribeRuntimeVersion: (_params, connection: RpcConnection) => {
      const subscription = connection.subscribe(
        'state_runtimeVersion',
        ['state_unsubscribeRuntimeVersion', 'chain_unsubscribeRuntimeVersion'],
        () => undefined,
      );
      // The runtime never upgrades, so the current version is the only notification.
      subscription.notify(runtime.version.json);
      return subscription.id;
    },
    state_subscribeStorage: (params, connection: RpcConnection) => {
      const requested = optional(params, 0);
      if (requested !== undefined && !Array.isArray(requested)) {
        throw invalidParams('keys: expected an array');
      }
      const keys = requested === undefined ? undefined : hexListParam(params, 0, 'keys');
      let stop: () => void = () => undefined;
      const subscription = connection.subscribe('state_storage', ['state_unsubscribeStorage'], () => stop());
      if (keys) {
        const best = chain.best;
        const storage = storageAt(context, best.hash);
        subscription.notify({ block: best.hash, changes: keys.map((key) => [key, storage.getRaw(key) ?? null]) });
      }
      stop = chain.subscribe({
        onNewBest: (block) => {
          const changes = keys
            ? keys.filter((key) => block.changes.has(key)).map((key) => [key, block.changes.get(key) ?? null])
            : [...block.changes.entries()];
          if (changes.length > 0) {
            subscription.notify({ block: block.hash, changes });
          }
        },
      });
      return subscription.id;
    },
  };
  for (const name of [
    'state_unsubscribeRuntimeVersion',
    'chain_unsubscribeRuntimeVersion',
    'state_unsubscribeStorage',
  ]) {
    methods[name] = (params, connection) => connection.unsubscribe(name, params[0]);
  }
  const aliases: Readonly<Record<string, string>> = {
    chain_getRuntimeVersion: 'state_getRuntimeVersion',
    chain_subscribeRuntimeVersion: 'state_subscribeRuntimeVersion',
    state_callAt: 'state_call',
    state_getKeysPagedAt: 'state_getKeysPaged',
  };
  for (const [alias, target] of Object.entries(aliases)) {
    const handler = methods[target];
    if (handler) {
      methods[alias] = handler;
    }
  }
  return methods;
}
