import type { Codec } from '@polkadot/types/types';
import type { Storage } from '../../state/storage';

/** `frame_system::AccountInfo<u32, pallet_balances::AccountData<u64>>` as plain numbers. */
export interface AccountInfoValue {
  readonly nonce: number;
  readonly consumers: number;
  readonly providers: number;
  readonly sufficients: number;
  readonly free: bigint;
  readonly reserved: bigint;
  readonly frozen: bigint;
  readonly flags: bigint;
}

/**
 * `ExtraFlags` with only `IS_NEW_LOGIC` set: accounts written this way count as already upgraded to the
 * fungible-era balances logic, so the first transfer does not emit `Balances.Upgraded`.
 */
export const NEW_LOGIC_FLAGS = 1n << 127n;

export const EMPTY_ACCOUNT: AccountInfoValue = {
  nonce: 0,
  consumers: 0,
  providers: 0,
  sufficients: 0,
  free: 0n,
  reserved: 0n,
  frozen: 0n,
  flags: NEW_LOGIC_FLAGS,
};

interface AccountInfoCodec extends Codec {
  nonce: Codec;
  consumers: Codec;
  providers: Codec;
  sufficients: Codec;
  data: { free: Codec; reserved: Codec; frozen: Codec; flags: Codec };
}

/** Reads `System.Account(who)`; an absent entry reads as the empty account (ValueQuery default). */
export function readAccount(storage: Storage, who: string): AccountInfoValue {
  const info = storage.get<AccountInfoCodec>('system', 'account', who);
  return {
    nonce: Number(info.nonce.toString()),
    consumers: Number(info.consumers.toString()),
    providers: Number(info.providers.toString()),
    sufficients: Number(info.sufficients.toString()),
    free: BigInt(info.data.free.toString()),
    reserved: BigInt(info.data.reserved.toString()),
    frozen: BigInt(info.data.frozen.toString()),
    flags: BigInt(info.data.flags.toString()),
  };
}

export function writeAccount(storage: Storage, who: string, account: AccountInfoValue): void {
  storage.set('system', 'account', [who], {
    nonce: account.nonce,
    consumers: account.consumers,
    providers: account.providers,
    sufficients: account.sufficients,
    data: {
      free: account.free,
      reserved: account.reserved,
      frozen: account.frozen,
      flags: account.flags,
    },
  });
}

export function accountExists(storage: Storage, who: string): boolean {
  return storage.has('system', 'account', who);
}
