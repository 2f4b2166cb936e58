import type { ApiPromise } from '@polkadot/api';
import type { bool, Option, Struct, u128, u16, u32, u64, u8, Vec } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';
import { BITTENSOR_SS58_FORMAT } from '@taonode/protocol';
import { findStorageEntry, storageEntry } from '../client/runtime-items';
import { ss58Address } from '../client/ss58-cache';
import { queryStorageAt, storageQuery, type StorageQuery } from '../client/storage-batch';
import { ChainError } from '../errors/chain.error';
import type { RawEndpointInfo } from '../runtime-api/subtensor-runtime-api.types';
import { decodeHyperparameters, hyperparameterQueries } from './hyperparameters.reader';
import type { SubnetHyperparameters } from './metagraph.types';
import { DEFAULT_PRUNING_SCORE, EMPTY_ENDPOINT } from './neuron.mapper';

const SECTION = 'subtensorModule';

/** Per-uid vectors of a subnet, keyed by netuid (mechanism 0: the storage index is the netuid). */
export interface SubnetVectors {
  readonly active: readonly boolean[];
  readonly validatorPermit: readonly boolean[];
  readonly rank: readonly number[];
  readonly trust: readonly number[];
  readonly consensus: readonly number[];
  readonly incentive: readonly number[];
  readonly dividends: readonly number[];
  readonly validatorTrust: readonly number[];
  readonly pruningScores: readonly number[];
  readonly emission: readonly bigint[];
  readonly lastUpdate: readonly bigint[];
}

/** What one storage round trip tells about a subnet: existence, size, hyperparameters and (optionally) vectors. */
export interface SubnetHeader {
  readonly exists: boolean;
  readonly n: number;
  readonly hyperparameters: SubnetHyperparameters;
  readonly vectors?: SubnetVectors;
}

const VECTOR_ITEMS = [
  'active',
  'validatorPermit',
  'rank',
  'trust',
  'consensus',
  'incentive',
  'dividends',
  'validatorTrust',
  'pruningScores',
  'emission',
  'lastUpdate',
] as const;

type VectorItem = (typeof VECTOR_ITEMS)[number];

function bools(value: Codec | undefined): boolean[] {
  return value === undefined ? [] : (value as Vec<bool>).map((item) => item.isTrue);
}

function numbers(value: Codec | undefined): number[] {
  return value === undefined ? [] : (value as Vec<u16>).map((item) => item.toNumber());
}

function bigints(value: Codec | undefined): bigint[] {
  return value === undefined ? [] : (value as Vec<u64>).map((item) => item.toBigInt());
}

/**
 * Reads, in one `state_queryStorageAt`, whether the subnet exists, its size, its hyperparameters and, when
 * `withVectors`, its per-uid vectors. Vectors a runtime dropped (`rank`, `trust`, `pruningScores` at HEAD) come
 * back empty; the caller fills their defaults.
 */
export async function readSubnetHeader(
  api: ApiPromise,
  blockHash: string,
  netuid: number,
  withVectors: boolean,
): Promise<SubnetHeader> {
  const fixed: StorageQuery[] = [
    storageQuery(storageEntry(api, SECTION, 'networksAdded'), netuid),
    storageQuery(storageEntry(api, SECTION, 'subnetworkN'), netuid),
  ];
  const hyper = hyperparameterQueries(api, netuid);
  const presentVectors: VectorItem[] = withVectors
    ? VECTOR_ITEMS.filter((item) => findStorageEntry(api, SECTION, item) !== undefined)
    : [];
  const vectorQueries = presentVectors.map((item) => storageQuery(storageEntry(api, SECTION, item), netuid));
  const values = await queryStorageAt(api, blockHash, [...fixed, ...hyper, ...vectorQueries]);
  const exists = (values[0] as bool | undefined)?.isTrue ?? false;
  const n = (values[1] as u16 | undefined)?.toNumber() ?? 0;
  const hyperparameters = decodeHyperparameters(api, values.slice(fixed.length, fixed.length + hyper.length));
  if (!withVectors) {
    return { exists, n, hyperparameters };
  }
  const byItem = new Map<VectorItem, Codec | undefined>();
  presentVectors.forEach((item, index) => byItem.set(item, values[fixed.length + hyper.length + index]));
  const vectors: SubnetVectors = {
    active: bools(byItem.get('active')),
    validatorPermit: bools(byItem.get('validatorPermit')),
    rank: numbers(byItem.get('rank')),
    trust: numbers(byItem.get('trust')),
    consensus: numbers(byItem.get('consensus')),
    incentive: numbers(byItem.get('incentive')),
    dividends: numbers(byItem.get('dividends')),
    validatorTrust: numbers(byItem.get('validatorTrust')),
    pruningScores: byItem.has('pruningScores') ? numbers(byItem.get('pruningScores')) : [],
    emission: bigints(byItem.get('emission')),
    lastUpdate: bigints(byItem.get('lastUpdate')),
  };
  return { exists, n, hyperparameters, vectors };
}

/** `NetworksAdded(netuid)` false → `TAONODE_CHAIN_SUBNET_NOT_FOUND`. */
export function assertSubnetExists(header: SubnetHeader, netuid: number, blockHash: string): void {
  if (!header.exists) {
    throw new ChainError('TAONODE_CHAIN_SUBNET_NOT_FOUND', `subnet ${netuid} does not exist at block ${blockHash}`);
  }
}

/** The value at `uid` of a vector, or `fallback` when the vector is shorter (or the runtime dropped it). */
export function at<T>(vector: readonly T[], uid: number, fallback: T): T {
  return uid < vector.length ? (vector[uid] as T) : fallback;
}

/** Default pruning score for a uid when the runtime has no `PruningScores`. */
export function pruningScoreAt(vectors: SubnetVectors, uid: number): number {
  return at(vectors.pruningScores, uid, vectors.pruningScores.length === 0 ? DEFAULT_PRUNING_SCORE : 0);
}

/** Hotkeys of uids `0..n-1` (`Keys`) and their registration blocks (`BlockAtRegistration`). */
export async function readUidKeys(
  api: ApiPromise,
  blockHash: string,
  netuid: number,
  n: number,
): Promise<{ hotkeys: string[]; blockAtRegistration: bigint[] }> {
  const uids = Array.from({ length: n }, (_, uid) => uid);
  const keys = storageEntry(api, SECTION, 'keys');
  const registered = storageEntry(api, SECTION, 'blockAtRegistration');
  const values = await queryStorageAt(api, blockHash, [
    ...uids.map((uid) => storageQuery(keys, netuid, uid)),
    ...uids.map((uid) => storageQuery(registered, netuid, uid)),
  ]);
  return {
    hotkeys: uids.map((uid) =>
      ss58Address((values[uid] as AccountId32).toU8a(), api.registry.chainSS58 ?? BITTENSOR_SS58_FORMAT),
    ),
    blockAtRegistration: uids.map((uid) => (values[n + uid] as u64 | undefined)?.toBigInt() ?? 0n),
  };
}

/** Registration blocks of uids `0..n-1` (`BlockAtRegistration`). */
export async function readRegistrationBlocks(
  api: ApiPromise,
  blockHash: string,
  netuid: number,
  n: number,
): Promise<bigint[]> {
  const registered = storageEntry(api, SECTION, 'blockAtRegistration');
  const values = await queryStorageAt(
    api,
    blockHash,
    Array.from({ length: n }, (_, uid) => storageQuery(registered, netuid, uid)),
  );
  return values.map((value) => (value as u64 | undefined)?.toBigInt() ?? 0n);
}

type EndpointStruct = Struct & { block: u64; version: u32; ip: u128; port: u16; ipType: u8; protocol?: u8 };

function endpointOf(value: Codec | undefined): RawEndpointInfo {
  const option = value as Option<EndpointStruct> | EndpointStruct | undefined;
  if (option === undefined) {
    return EMPTY_ENDPOINT;
  }
  const struct = 'isSome' in option ? (option.isSome ? option.unwrap() : undefined) : option;
  if (struct === undefined) {
    return EMPTY_ENDPOINT;
  }
  return {
    block: struct.block.toBigInt(),
    version: struct.version.toNumber(),
    ip: struct.ip.toBigInt(),
    port: struct.port.toNumber(),
    ipType: struct.ipType.toNumber(),
    protocol: struct.protocol?.toNumber() ?? 0,
  };
}

/** Per-hotkey facts of a subnet's neurons, read by hotkey. */
export interface HotkeyFacts {
  readonly coldkey: string;
  readonly axon: RawEndpointInfo;
  readonly prometheus: RawEndpointInfo;
  readonly stakeRao: bigint;
  readonly rootStakeRao: bigint;
}

/**
 * For each hotkey: owner coldkey (`Owner`), axon and prometheus endpoints, stake on the subnet and root stake
 * (`TotalHotkeyAlpha`). `include` limits the round trip to what the caller does not have already.
 */
export async function readHotkeyFacts(
  api: ApiPromise,
  blockHash: string,
  netuid: number,
  hotkeys: readonly string[],
  include: { owners: boolean; endpoints: boolean; subnetStake: boolean },
): Promise<Partial<HotkeyFacts>[]> {
  const queries: StorageQuery[] = [];
  const owner = storageEntry(api, SECTION, 'owner');
  const axons = storageEntry(api, SECTION, 'axons');
  const prometheus = storageEntry(api, SECTION, 'prometheus');
  const alpha = storageEntry(api, SECTION, 'totalHotkeyAlpha');
  for (const hotkey of hotkeys) {
    if (include.owners) {
      queries.push(storageQuery(owner, hotkey));
    }
    if (include.endpoints) {
      queries.push(storageQuery(axons, netuid, hotkey), storageQuery(prometheus, netuid, hotkey));
    }
    if (include.subnetStake) {
      queries.push(storageQuery(alpha, hotkey, netuid));
    }
    queries.push(storageQuery(alpha, hotkey, 0));
  }
  const values = await queryStorageAt(api, blockHash, queries);
  let next = 0;
  const take = (): Codec | undefined => values[next++];
  return hotkeys.map(() => {
    const facts: { -readonly [K in keyof HotkeyFacts]?: HotkeyFacts[K] } = {};
    if (include.owners) {
      facts.coldkey = ss58Address((take() as AccountId32).toU8a(), api.registry.chainSS58 ?? BITTENSOR_SS58_FORMAT);
    }
    if (include.endpoints) {
      facts.axon = endpointOf(take());
      facts.prometheus = endpointOf(take());
    }
    if (include.subnetStake) {
      facts.stakeRao = (take() as u64 | undefined)?.toBigInt() ?? 0n;
    }
    facts.rootStakeRao = (take() as u64 | undefined)?.toBigInt() ?? 0n;
    return facts;
  });
}
