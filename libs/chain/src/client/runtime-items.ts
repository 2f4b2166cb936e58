import type { ApiPromise } from '@polkadot/api';
import type { QueryableStorageEntry, SubmittableExtrinsicFunction } from '@polkadot/api/types';
import { ChainError } from '../errors/chain.error';

/** The decorated storage entry `api.query[section][item]`, or undefined when this runtime has no such item. */
export function findStorageEntry(
  api: ApiPromise,
  section: string,
  item: string,
): QueryableStorageEntry<'promise'> | undefined {
  const module = (api.query as unknown as Record<string, Record<string, QueryableStorageEntry<'promise'>> | undefined>)[
    section
  ];
  return module?.[item];
}

/** {@link findStorageEntry} that fails with `TAONODE_CHAIN_UNSUPPORTED` when the item is missing. */
export function storageEntry(api: ApiPromise, section: string, item: string): QueryableStorageEntry<'promise'> {
  const entry = findStorageEntry(api, section, item);
  if (entry === undefined) {
    throw new ChainError(
      'TAONODE_CHAIN_UNSUPPORTED',
      `this runtime (spec ${api.runtimeVersion.specVersion.toString()}) has no storage ${section}.${item}`,
    );
  }
  return entry;
}

/** The extrinsic constructor `api.tx[section][method]`; `TAONODE_CHAIN_UNSUPPORTED` when the runtime lacks it. */
export function txFunction(api: ApiPromise, section: string, method: string): SubmittableExtrinsicFunction<'promise'> {
  const module = (
    api.tx as unknown as Record<string, Record<string, SubmittableExtrinsicFunction<'promise'>> | undefined>
  )[section];
  const call = module?.[method];
  if (call === undefined) {
    throw new ChainError(
      'TAONODE_CHAIN_UNSUPPORTED',
      `this runtime (spec ${api.runtimeVersion.specVersion.toString()}) has no call ${section}.${method}`,
    );
  }
  return call;
}
