import {
  LEGACY_PULSE_DELAY_ROUNDS,
  legacyRevealRound,
  revealRound,
  type DrandBeacon,
  type EpochState,
  type RevealRound,
} from '@taonode/timelock';
import { ChainError } from '../errors/chain.error';

/** Everything a timelocked commit on one subnet depends on, read at one block. */
export interface TimelockContext {
  readonly netuid: number;
  readonly blockNumber: number;
  readonly blockHash: `0x${string}`;
  /** `Timestamp.Now` of the block in unix seconds, when the runtime has the pallet. */
  readonly timestampSeconds?: number;
  readonly commitRevealEnabled: boolean;
  /** `CommitRevealWeightsVersion`; undefined on runtimes that predate it (they only know v3 commits). */
  readonly commitRevealVersion?: number;
  /** `RevealPeriodEpochs` of the subnet. */
  readonly revealPeriod: number;
  readonly epochs: EpochState;
  /** `Drand.BeaconConfig`; undefined on runtimes without the drand pallet (no timelocked commits there). */
  readonly beacon?: DrandBeacon;
  /** `Drand.LastStoredRound`: the chain refuses a `reveal_round` below it (`InvalidRevealRound`). */
  readonly lastStoredRound?: number;
}

/** The first commit-reveal version whose payload carries the hotkey (`WeightsTlockPayload`). */
export const HOTKEY_PAYLOAD_VERSION = 4;

export interface RevealRoundOptions {
  /** Unix seconds now; wall time by default. */
  readonly nowSeconds?: number;
  /** Seconds per block; 12 (finney's) by default. */
  readonly blockTimeSeconds?: number;
}

export const DEFAULT_BLOCK_TIME_SECONDS = 12;

/**
 * The reveal round for a commit sent now, from what the chain says: its epoch model and reveal period, its
 * beacon's clock (never assumed quicknet) and its commit-reveal version (v4 rule, or the legacy v3 rule with its
 * pulse-delay margin). Never below `Drand.LastStoredRound` plus the rounds until the target block, since the
 * chain refuses rounds it already stores and a beacon ahead of our clock would otherwise open the commit early
 * (less the legacy rule's pulse-delay margin on runtimes that drop a commit whose pulse is late).
 */
export function timelockRevealRound(context: TimelockContext, options: RevealRoundOptions = {}): RevealRound {
  const beacon = context.beacon;
  if (beacon === undefined) {
    throw new ChainError(
      'TAONODE_CHAIN_UNSUPPORTED',
      'this runtime has no Drand pallet (Drand.BeaconConfig): it cannot take timelocked commits',
    );
  }
  const input = {
    epochs: context.epochs,
    revealPeriod: context.revealPeriod,
    currentBlock: context.blockNumber,
    nowSeconds: options.nowSeconds ?? Date.now() / 1000,
    blockTimeSeconds: options.blockTimeSeconds ?? DEFAULT_BLOCK_TIME_SECONDS,
    beacon,
  };
  const legacy = context.commitRevealVersion !== undefined && context.commitRevealVersion < HOTKEY_PAYLOAD_VERSION;
  const computed = legacy ? legacyRevealRound(input) : revealRound(input);
  if (context.lastStoredRound === undefined) {
    return computed;
  }
  const secondsToTarget = Math.max(0, computed.targetBlock - context.blockNumber) * input.blockTimeSeconds;
  // The legacy rule keeps its pulse-delay margin on the beacon's clock too: those runtimes reveal at the target
  // block and drop a commit whose pulse is not stored yet. (Its target is ≥ 72 s away, so this stays ≥ LastStoredRound.)
  const margin = legacy ? LEGACY_PULSE_DELAY_ROUNDS : 0;
  const anchored = context.lastStoredRound + Math.floor(secondsToTarget / beacon.period) - margin;
  return { ...computed, round: Math.max(computed.round, anchored) };
}
