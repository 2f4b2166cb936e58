import type { DrandBeacon } from '../drand/drand-beacon';
import { roundAtTime } from '../drand/drand-beacon';
import { TimelockError } from '../timelock.error';
import { revealSchedule, type EpochState, type RevealSchedule } from './epoch-schedule';

/** bittensor-drand's SECURITY_BLOCK_OFFSET: aim three blocks past the reveal block so the pulse is surely on chain. */
export const SECURITY_BLOCK_OFFSET = 3;
/** bittensor-drand ≤ 0.5's SUBTENSOR_PULSE_DELAY: legacy runtimes dropped a commit whose pulse was not yet stored. */
export const LEGACY_PULSE_DELAY_ROUNDS = 24;

/** Everything the reveal round depends on, read from the chain at one block (see libs/chain's timelock reader). */
export interface RevealRoundInput {
  readonly epochs: EpochState;
  /** `RevealPeriodEpochs` of the subnet. */
  readonly revealPeriod: number;
  /** The block the state was read at. */
  readonly currentBlock: number;
  /** Unix seconds now (the injectable clock; bittensor-drand uses wall time). */
  readonly nowSeconds: number;
  /** Expected seconds per block (12 on finney; the devnet's own otherwise). */
  readonly blockTimeSeconds: number;
  /** `Drand.BeaconConfig`'s clock. */
  readonly beacon: Pick<DrandBeacon, 'genesisTime' | 'period'>;
}

export interface RevealRound extends RevealSchedule {
  /** The round to encrypt to and to send as `reveal_round`. */
  readonly round: number;
  /** The block the round was timed for (the reveal block plus the security offset, or the legacy target). */
  readonly targetBlock: number;
}

function checkInput(input: RevealRoundInput): void {
  if (!(input.blockTimeSeconds > 0) || !Number.isFinite(input.nowSeconds)) {
    throw new TimelockError('TAONODE_TIMELOCK_INVALID_ARGUMENT', 'block time must be positive and now a finite time');
  }
}

/**
 * The reveal round for a v4 commit (`commit_timelocked_mechanism_weights`), bittensor-drand 1.x/2.x's rule on the
 * chain's own schedule: time the block {@link SECURITY_BLOCK_OFFSET} past the first reveal block, then take the
 * beacon round current at that moment, `floor((t − genesis) / period)`. Its pulse then exists when the chain
 * first looks, so the commit opens at the reveal and not before (no sooner than the round's publication).
 */
export function revealRound(input: RevealRoundInput): RevealRound {
  checkInput(input);
  const schedule = revealSchedule(input.epochs, input.currentBlock, input.revealPeriod);
  const targetBlock = schedule.firstRevealBlock + SECURITY_BLOCK_OFFSET;
  const seconds = Math.max(targetBlock - input.currentBlock, 0) * input.blockTimeSeconds;
  return { ...schedule, targetBlock, round: roundAtTime(input.beacon, input.nowSeconds + seconds) };
}

/**
 * The reveal round for legacy v3 commits (`commit_crv3_weights`, bittensor-drand ≤ 0.5.x): those runtimes dropped a
 * commit whose pulse was missing at the reveal block, so the round is {@link LEGACY_PULSE_DELAY_ROUNDS} before the
 * reveal moment (rounded up), and the reveal epoch moves on until that leaves at least as many rounds of lead.
 */
export function legacyRevealRound(input: RevealRoundInput): RevealRound {
  checkInput(input);
  const minimumLead = LEGACY_PULSE_DELAY_ROUNDS * input.beacon.period;
  for (let extra = 0; ; extra += 1) {
    const schedule = revealSchedule(input.epochs, input.currentBlock, input.revealPeriod + extra);
    const seconds = Math.max(schedule.firstRevealBlock - input.currentBlock, 0) * input.blockTimeSeconds;
    if (seconds >= minimumLead) {
      const round =
        Math.ceil((input.nowSeconds + seconds - input.beacon.genesisTime) / input.beacon.period) -
        LEGACY_PULSE_DELAY_ROUNDS;
      return { ...schedule, targetBlock: schedule.firstRevealBlock, round: Math.max(1, round) };
    }
  }
}
