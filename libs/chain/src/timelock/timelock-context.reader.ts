import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import type { EpochState } from '@taonode/timelock';
import { bestBlock, blockByHash } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { findStorageEntry, storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery, type StorageQuery } from '../client/storage-batch';
import { ChainError } from '../errors/chain.error';
import type { TimelockContext } from './timelock-context';

const STATEFUL_EPOCH_ITEMS = ['subnetEpochIndex', 'lastEpochBlock', 'pendingEpochAt', 'blocksSinceLastStep'] as const;

function numberOf(value: Codec | undefined, what: string): number {
  const parsed = Number(value?.toString() ?? '0');
  if (!Number.isSafeInteger(parsed)) {
    throw new ChainError('TAONODE_CHAIN_DECODE_ERROR', `${what} is not a safe integer: ${value?.toString() ?? ''}`);
  }
  return parsed;
}

interface BeaconConfigCodec extends Codec {
  readonly publicKey: Codec & { toU8a(isBare: true): Uint8Array };
  readonly genesisTime: Codec;
  readonly period: Codec;
}

/** Optional reads, each present only when the runtime has the item; values come back in `present` order. */
function optionalQueries(api: ApiPromise, netuid: number): { names: string[]; queries: StorageQuery[] } {
  const names: string[] = [];
  const queries: StorageQuery[] = [];
  const add = (name: string, section: string, item: string, ...args: unknown[]): void => {
    const entry = findStorageEntry(api, section, item);
    if (entry !== undefined) {
      names.push(name);
      queries.push(storageQuery(entry, ...args));
    }
  };
  add('commitRevealVersion', 'subtensorModule', 'commitRevealWeightsVersion');
  for (const item of STATEFUL_EPOCH_ITEMS) {
    add(item, 'subtensorModule', item, netuid);
  }
  add('beaconConfig', 'drand', 'beaconConfig');
  add('lastStoredRound', 'drand', 'lastStoredRound');
  add('now', 'timestamp', 'now');
  return { names, queries };
}

/**
 * Reads a subnet's timelock context at one block (default: the best block) in one batch: commit-reveal switch,
 * version and reveal period, the epoch state (the stateful counter where the runtime has `SubnetEpochIndex`,
 * the modulo rule otherwise), `Drand.BeaconConfig` and `Drand.LastStoredRound`.
 */
export async function readTimelockContext(
  client: ChainClient,
  netuid: number,
  options: { blockHash?: `0x${string}` } = {},
): Promise<TimelockContext> {
  return client.call(`read timelock context of subnet ${netuid}`, async (api) => {
    // The best block, not the finalized one: the commit lands on top of it, and the epoch state moves every block.
    const block = options.blockHash === undefined ? await bestBlock(api) : await blockByHash(api, options.blockHash);
    const required = [
      storageQuery(storageEntry(api, 'subtensorModule', 'tempo'), netuid),
      storageQuery(storageEntry(api, 'subtensorModule', 'commitRevealWeightsEnabled'), netuid),
      storageQuery(storageEntry(api, 'subtensorModule', 'revealPeriodEpochs'), netuid),
    ];
    const optional = optionalQueries(api, netuid);
    const values = await queryStorageAt(api, block.hash, [...required, ...optional.queries]);
    const [tempoValue, enabledValue, periodValue] = values;
    const found = new Map(optional.names.map((name, index) => [name, values[required.length + index]]));
    const tempo = numberOf(tempoValue, 'Tempo');
    const epochs: EpochState = found.has('subnetEpochIndex')
      ? {
          model: 'stateful',
          tempo,
          subnetEpochIndex: numberOf(found.get('subnetEpochIndex'), 'SubnetEpochIndex'),
          lastEpochBlock: numberOf(found.get('lastEpochBlock'), 'LastEpochBlock'),
          pendingEpochAt: numberOf(found.get('pendingEpochAt'), 'PendingEpochAt'),
          blocksSinceLastStep: numberOf(found.get('blocksSinceLastStep'), 'BlocksSinceLastStep'),
        }
      : { model: 'modulo', netuid, tempo };
    const beaconConfig = found.get('beaconConfig') as BeaconConfigCodec | undefined;
    const now = found.get('now');
    const version = found.get('commitRevealVersion');
    const lastStoredRound = found.get('lastStoredRound');
    return {
      netuid,
      blockNumber: block.number,
      blockHash: block.hash,
      commitRevealEnabled: enabledValue?.toString() === 'true',
      revealPeriod: numberOf(periodValue, 'RevealPeriodEpochs'),
      epochs,
      ...(now === undefined ? {} : { timestampSeconds: numberOf(now, 'Timestamp.Now') / 1000 }),
      ...(version === undefined ? {} : { commitRevealVersion: numberOf(version, 'CommitRevealWeightsVersion') }),
      ...(beaconConfig === undefined
        ? {}
        : {
            beacon: {
              publicKey: beaconConfig.publicKey.toU8a(true),
              genesisTime: numberOf(beaconConfig.genesisTime, 'BeaconConfig.genesis_time'),
              period: numberOf(beaconConfig.period, 'BeaconConfig.period'),
            },
          }),
      ...(lastStoredRound === undefined ? {} : { lastStoredRound: numberOf(lastStoredRound, 'LastStoredRound') }),
    };
  });
}
