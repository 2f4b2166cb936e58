import type { Codec } from '@polkadot/types/types';
import { OtherDispatchError } from './dispatch-context';

/** Any `MultiAddress` enum codec: the metadata's lookup type or the registry's default one. */
interface MultiAddressCodec extends Codec {
  readonly type: string;
  readonly value: Codec;
}

/**
 * subtensor's `AccountIdLookup`: only `MultiAddress::Id` resolves; every other variant (Index, Raw, Address32,
 * Address20) fails with `DispatchError::CannotLookup`, as the runtime has no indices pallet.
 */
export function lookupAccount(address: Codec | undefined): string {
  const account = multiAddressId(address);
  if (account === undefined) {
    throw new OtherDispatchError('CannotLookup');
  }
  return account;
}

/** The ss58 account of a `MultiAddress::Id`, or undefined for the other variants. */
export function multiAddressId(address: Codec | undefined): string | undefined {
  const multi = address as MultiAddressCodec | undefined;
  return multi?.type === 'Id' ? multi.value.toString() : undefined;
}
