import type { Codec } from '@polkadot/types/types';
import { UnknownMetadataItemError } from './metadata-index';
import type { RuntimeMetadata } from './runtime-metadata';

/** A pallet constant from the metadata (`constant(runtime, 'balances', 'existentialDeposit')`). */
export function constant<T extends Codec = Codec>(runtime: RuntimeMetadata, pallet: string, name: string): T {
  const value = runtime.decorated.consts[pallet]?.[name];
  if (!value) {
    throw new UnknownMetadataItemError(`constant ${pallet}.${name} is not in the metadata`);
  }
  return value as unknown as T;
}

/** A numeric pallet constant as a bigint. */
export function bigintConstant(runtime: RuntimeMetadata, pallet: string, name: string): bigint {
  return BigInt(constant(runtime, pallet, name).toString());
}
