import type { ApiPromise } from '@polkadot/api';
import type { QueryableStorageEntry } from '@polkadot/api/types';
import { unwrapStorageType } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { hexToU8a } from '@polkadot/util';
import { ChainError } from '../errors/chain.error';
import { StorageKeyBuilder } from './storage-key.builder';

/** One storage value to read: a decorated entry (`api.query.subtensorModule.keys`) and its key arguments. */
export interface StorageQuery {
  readonly entry: QueryableStorageEntry<'promise'>;
  readonly args: readonly unknown[];
}

export function storageQuery(entry: QueryableStorageEntry<'promise'>, ...args: unknown[]): StorageQuery {
  return { entry, args };
}

/** Keys per `state_queryStorageAt` request: large enough for a 256-neuron subnet in a few requests. */
const KEYS_PER_REQUEST = 1024;

type ChangeSet = { block: string; changes: [string, string | null][] }[];

/**
 * Reads many storage values at one block in as few round trips as possible (`state_queryStorageAt`), decoding
 * each with its metadata type. Missing values decode as the entry's default, or `undefined` for Optional
 * entries. Unlike `api.queryMulti`, it reads at an explicit block and never fills a missing value from a
 * cache of another block.
 */
export async function queryStorageAt(
  api: ApiPromise,
  blockHash: string,
  queries: readonly StorageQuery[],
): Promise<(Codec | undefined)[]> {
  const builder = new StorageKeyBuilder(api.registry);
  const keys = queries.map((query) => builder.key(query.entry.creator, query.args));
  const values = new Map<string, string | null>();
  const requests: Promise<void>[] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_REQUEST) {
    const chunk = keys.slice(start, start + KEYS_PER_REQUEST);
    requests.push(
      api.rpc.state.queryStorageAt.raw<ChangeSet>(chunk, blockHash).then((result) => {
        for (const set of result) {
          for (const [key, value] of set.changes) {
            values.set(key, value);
          }
        }
      }),
    );
  }
  await Promise.all(requests);
  return queries.map((query, index) => decodeStorageValue(api, query, values.get(keys[index] ?? '') ?? null));
}

function decodeStorageValue(api: ApiPromise, query: StorageQuery, hex: string | null): Codec | undefined {
  const { meta, section, method } = query.entry.creator;
  const type = unwrapStorageType(api.registry, meta.type);
  try {
    if (hex === null) {
      if (meta.modifier.isOptional) {
        return undefined;
      }
      return api.registry.createTypeUnsafe(type, [hexToU8a(meta.fallback.toHex())]);
    }
    return api.registry.createTypeUnsafe(type, [hexToU8a(hex)]);
  } catch (error) {
    throw new ChainError('TAONODE_CHAIN_DECODE_ERROR', `cannot decode storage ${section}.${method}: ${String(error)}`, {
      cause: error,
    });
  }
}
