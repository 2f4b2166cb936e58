import type { ApiPromise } from '@polkadot/api';
import type { bool, Bytes, u16, u64 } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';
import { u8aToString } from '@polkadot/util';
import { resolveBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { findStorageEntry, storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery, type StorageQuery } from '../client/storage-batch';
import { raoToTao } from '../metagraph/neuron.mapper';

/** One row of `taonode subnet list`: what btcli's subnet list shows, from storage. */
export interface SubnetSummary {
  readonly netuid: number;
  /** `SubnetName` (UTF-8), empty when unset. */
  readonly name: string;
  /** `TokenSymbol` (UTF-8), empty when unset. */
  readonly symbol: string;
  readonly n: number;
  readonly maxUids: number;
  readonly tempo: number;
  readonly burnRao: bigint;
  /** TAO in the pool (`SubnetTAO`), alpha in the pool (`SubnetAlphaIn`) and outstanding (`SubnetAlphaOut`), rao. */
  readonly taoInRao: bigint;
  readonly alphaInRao: bigint;
  readonly alphaOutRao: bigint;
  /** TAO per alpha (`SubnetTAO / SubnetAlphaIn`); 1 on the root subnet and on pools without alpha. */
  readonly price: number;
  /** Alpha emission per block into the pool (`SubnetAlphaInEmission`), rao; 0 when the runtime lacks it. */
  readonly emissionRao: bigint;
  readonly owner: string;
  readonly registeredAt: number;
}

const PER_SUBNET = [
  ['subnetName', true],
  ['tokenSymbol', true],
  ['subnetworkN', false],
  ['maxAllowedUids', false],
  ['tempo', false],
  ['burn', false],
  ['subnetTAO', true],
  ['subnetAlphaIn', true],
  ['subnetAlphaOut', true],
  ['subnetAlphaInEmission', true],
  ['subnetOwner', false],
  ['networkRegisteredAt', true],
] as const;

function text(value: Codec | undefined): string {
  return value === undefined ? '' : u8aToString((value as Bytes).toU8a(true));
}

function big(value: Codec | undefined): bigint {
  return (value as u64 | undefined)?.toBigInt() ?? 0n;
}

/** Netuids that exist at `blockHash` (`NetworksAdded` true), ascending. */
export async function listNetuids(api: ApiPromise, blockHash: string): Promise<number[]> {
  const added = storageEntry(api, 'subtensorModule', 'networksAdded');
  const entries = await added.entriesAt<bool, [u16]>(blockHash);
  return entries
    .filter(([, exists]) => exists.isTrue)
    .map(([key]) => key.args[0].toNumber())
    .sort((a, b) => a - b);
}

/** Every subnet with its pool and size at `blockHash` (default: the finalized head). */
export async function readSubnets(client: ChainClient, blockHash?: `0x${string}`): Promise<SubnetSummary[]> {
  return client.call('list subnets', async (api) => {
    const block = await resolveBlock(api, blockHash);
    const netuids = await listNetuids(api, block.hash);
    const items = PER_SUBNET.map(([item, optional]) =>
      optional ? findStorageEntry(api, 'subtensorModule', item) : storageEntry(api, 'subtensorModule', item),
    );
    const queries: (StorageQuery | undefined)[] = netuids.flatMap((netuid) =>
      items.map((entry) => (entry === undefined ? undefined : storageQuery(entry, netuid))),
    );
    const present = queries.filter((query): query is StorageQuery => query !== undefined);
    const values = await queryStorageAt(api, block.hash, present);
    let next = 0;
    const all = queries.map((query) => (query === undefined ? undefined : values[next++]));
    return netuids.map((netuid, row) => {
      const field = (column: number): Codec | undefined => all[row * PER_SUBNET.length + column];
      const taoInRao = big(field(6));
      const alphaInRao = big(field(7));
      return {
        netuid,
        name: text(field(0)),
        symbol: text(field(1)),
        n: (field(2) as u16 | undefined)?.toNumber() ?? 0,
        maxUids: (field(3) as u16 | undefined)?.toNumber() ?? 0,
        tempo: (field(4) as u16 | undefined)?.toNumber() ?? 0,
        burnRao: big(field(5)),
        taoInRao,
        alphaInRao,
        alphaOutRao: big(field(8)),
        price: netuid === 0 || alphaInRao === 0n ? 1 : raoToTao(taoInRao) / raoToTao(alphaInRao),
        emissionRao: big(field(9)),
        owner: (field(10) as AccountId32 | undefined)?.toString() ?? '',
        registeredAt: Number(big(field(11))),
      };
    });
  });
}
