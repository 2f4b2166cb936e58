import type { Vec } from '@polkadot/types';
import type { Codec, INumber, ITuple } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { stakeWeightsForNetwork } from '../state/stake-weights';
import { entriesOf, readAccount, readBig, readNum, write } from '../state/subtensor-storage';
import { readBoolVector, readU64Vector } from '../state/uid-vectors';
import { yumaLite, type SparseRow } from './yuma-lite';

/** What one uid earned in an epoch, in alpha rao. */
export interface HotkeyEmission {
  readonly hotkey: string;
  readonly serverEmission: bigint;
  readonly validatorEmission: bigint;
}

const U16_MAX = 65535;

/** `fixed_proportion_to_u16`: a proportion in [0, 1] as u16, truncated. */
export function proportionToU16(value: number): number {
  return Math.min(U16_MAX, Math.max(0, Math.floor(value * U16_MAX)));
}

/** `vec_max_upscale_to_u16` for proportions: the largest becomes 65535, rounded. */
export function maxUpscaleProportions(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((value) => (max === 0 ? 0 : Math.min(U16_MAX, Math.round((value * U16_MAX) / max))));
}

/**
 * `epoch(netuid, rao_emission)`: runs Yuma-lite on the subnet's stored weights and stake, writes the
 * per-uid results (`StakeWeight`, `Active`, `Emission`, `Rank`, `Trust`, `Consensus`, `Incentive`,
 * `Dividends`, `PruningScores`, `ValidatorTrust`, `ValidatorPermit`, `Bonds`) and returns each hotkey's
 * share of `raoEmission` as miner and as validator.
 */
export function runEpoch(storage: Storage, netuid: number, raoEmission: bigint, block: number): HotkeyEmission[] {
  const n = readNum(storage, 'subnetworkN', netuid);
  const activityCutoff = readNum(storage, 'activityCutoff', netuid);
  const lastUpdate = readU64Vector(storage, 'lastUpdate', netuid).map(Number);
  const active = range(n).map((uid) => (lastUpdate[uid] ?? 0) + activityCutoff >= block);
  const blockAtRegistration = range(n).map((uid) => Number(readBig(storage, 'blockAtRegistration', netuid, uid)));
  const storedPermits = readBoolVector(storage, 'validatorPermit', netuid);

  const result = yumaLite({
    stake: stakeWeightsForNetwork(storage, netuid).map((weight) => Number(weight.total)),
    active,
    validatorPermit: range(n).map((uid) => storedPermits[uid] ?? false),
    maxAllowedValidators: readNum(storage, 'maxAllowedValidators', netuid),
    weights: readSparseMatrix(storage, 'weights', netuid, n),
    bonds: readSparseMatrix(storage, 'bonds', netuid, n),
    lastUpdate,
    blockAtRegistration,
    kappa: readNum(storage, 'kappa', netuid) / U16_MAX,
    bondsPenalty: readNum(storage, 'bondsPenalty', netuid) / U16_MAX,
    bondsMovingAverage: Number(readBig(storage, 'bondsMovingAverage', netuid)) / 1_000_000,
  });

  const emission = (share: number): bigint => BigInt(Math.floor(share * Number(raoEmission)));
  write(storage, 'stakeWeight', [netuid], result.stake.map(proportionToU16));
  write(storage, 'active', [netuid], active);
  write(storage, 'emission', [netuid], result.combinedEmission.map(emission));
  write(storage, 'rank', [netuid], result.rank.map(proportionToU16));
  write(storage, 'trust', [netuid], result.trust.map(proportionToU16));
  write(storage, 'consensus', [netuid], result.consensus.map(proportionToU16));
  write(storage, 'incentive', [netuid], result.incentive.map(proportionToU16));
  write(storage, 'dividends', [netuid], result.dividends.map(proportionToU16));
  write(storage, 'pruningScores', [netuid], maxUpscaleProportions(result.combinedEmission));
  write(storage, 'validatorTrust', [netuid], result.validatorTrust.map(proportionToU16));
  write(storage, 'validatorPermit', [netuid], result.validatorPermit);
  result.bonds.forEach((row, uid) => {
    if (row !== undefined) {
      write(
        storage,
        'bonds',
        [netuid, uid],
        row.map(([j, value]) => [j, proportionToU16(value)]),
      );
    }
  });

  return entriesOf(storage, 'keys', netuid).flatMap((entry) => {
    const uid = (entry.args[1] as INumber).toNumber();
    return uid < n
      ? [
          {
            hotkey: readAccount(storage, 'keys', netuid, uid),
            serverEmission: emission(result.serverEmission[uid] ?? 0),
            validatorEmission: emission(result.validatorEmission[uid] ?? 0),
          },
        ]
      : [];
  });
}

function readSparseMatrix(storage: Storage, item: 'weights' | 'bonds', netuid: number, n: number): SparseRow[] {
  const rows: SparseRow[] = range(n).map(() => []);
  for (const entry of entriesOf(storage, item, netuid)) {
    const uid = (entry.args[1] as INumber).toNumber();
    if (uid < n) {
      rows[uid] = (entry.value as Vec<ITuple<[INumber, INumber]>> & Codec).map(
        ([dest, value]) => [dest.toNumber(), value.toNumber()] as const,
      );
    }
  }
  return rows;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, index) => index);
}
