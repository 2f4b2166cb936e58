import type { ApiPromise } from '@polkadot/api';
import type { Struct, u128 } from '@polkadot/types';
import { resolveBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';
import { raoToTao } from '../metagraph/neuron.mapper';

/** An account's balance (`System.Account(address).data`), in rao and TAO. */
export interface AccountBalance {
  readonly address: string;
  readonly freeRao: bigint;
  readonly reservedRao: bigint;
  /** `frozen` on current runtimes (`miscFrozen` on old ones): part of free that cannot be spent. */
  readonly frozenRao: bigint;
  readonly free: number;
  readonly reserved: number;
  /** Block the balance was read at. */
  readonly block: number;
}

type AccountData = Struct & { free: u128; reserved: u128; frozen?: u128; miscFrozen?: u128 };
type AccountInfo = Struct & { data: AccountData; nonce: u128 };

/** Balances of `addresses` at `blockHash` (default: the finalized head), in one round trip. */
export async function readBalances(
  client: ChainClient,
  addresses: readonly string[],
  blockHash?: `0x${string}`,
): Promise<AccountBalance[]> {
  return client.call(`read balance of ${addresses.join(', ')}`, async (api: ApiPromise) => {
    const block = await resolveBlock(api, blockHash);
    const account = storageEntry(api, 'system', 'account');
    const values = await queryStorageAt(
      api,
      block.hash,
      addresses.map((address) => storageQuery(account, address)),
    );
    return addresses.map((address, index) => {
      const data = (values[index] as AccountInfo).data;
      const freeRao = data.free.toBigInt();
      const reservedRao = data.reserved.toBigInt();
      return {
        address,
        freeRao,
        reservedRao,
        frozenRao: (data.frozen ?? data.miscFrozen)?.toBigInt() ?? 0n,
        free: raoToTao(freeRao),
        reserved: raoToTao(reservedRao),
        block: block.number,
      };
    });
  });
}

/** Balance of one address; see {@link readBalances}. */
export async function readBalance(
  client: ChainClient,
  address: string,
  blockHash?: `0x${string}`,
): Promise<AccountBalance> {
  const [balance] = await readBalances(client, [address], blockHash);
  return balance as AccountBalance;
}

/** `Balances.ExistentialDeposit` in rao (0 when the runtime does not declare it). */
export function existentialDeposit(api: ApiPromise): bigint {
  const constant = (
    api.consts as unknown as Record<string, Record<string, { toString(): string } | undefined> | undefined>
  ).balances?.existentialDeposit;
  return BigInt(constant?.toString() ?? '0');
}
