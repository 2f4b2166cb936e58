import { TimelockError } from '../timelock.error';

/** `MAX_TEMPO`: past this many blocks without a step the chain runs an epoch regardless of tempo. */
export const MAX_TEMPO = 50_400;

/**
 * The subnet's epoch state as the runtime exposes it. Runtimes before subtensor `1fc3e8824` (2026-05) run
 * epochs on a fixed modulo rule; later ones (spec 424 on) keep a stateful counter (`SubnetEpochIndex`,
 * `LastEpochBlock`, `PendingEpochAt`, `BlocksSinceLastStep`). Tell them apart by whether the runtime has
 * `SubnetEpochIndex`.
 */
export type EpochState =
  | {
      readonly model: 'modulo';
      readonly netuid: number;
      readonly tempo: number;
    }
  | {
      readonly model: 'stateful';
      readonly tempo: number;
      readonly lastEpochBlock: number;
      /** 0 when no owner-triggered epoch is pending. */
      readonly pendingEpochAt: number;
      readonly subnetEpochIndex: number;
      readonly blocksSinceLastStep: number;
    };

/** Where a commit sent now lands and when the chain will try to reveal it. */
export interface RevealSchedule {
  /** The epoch bucket the commit is stored under (`TimelockedWeightCommits[index][epoch]`). */
  readonly commitEpoch: number;
  readonly revealEpoch: number;
  /** The block whose `on_initialize` first looks for the commit's pulse (the firing block of the reveal epoch). */
  readonly firstRevealBlock: number;
}

function noEpochs(): TimelockError {
  return new TimelockError('TAONODE_TIMELOCK_NO_REVEAL', 'tempo 0: the subnet runs no epochs, so nothing is revealed');
}

/**
 * Modulo model (`get_epoch_index`): epoch = (block + netuid + 1) div (tempo + 1); epoch e starts at block
 * e·(tempo + 1) − netuid − 1. The commit is assumed to land in `inclusionBlock`.
 */
function moduloSchedule(
  state: Extract<EpochState, { model: 'modulo' }>,
  inclusionBlock: number,
  revealPeriod: number,
): RevealSchedule {
  const length = state.tempo + 1;
  const offset = state.netuid + 1;
  const commitEpoch = Math.floor((inclusionBlock + offset) / length);
  const revealEpoch = commitEpoch + revealPeriod;
  return { commitEpoch, revealEpoch, firstRevealBlock: revealEpoch * length - offset };
}

/**
 * Stateful model (`should_run_epoch`, `current_epoch_with_lookahead`). An epoch fires in block b when a pending
 * trigger is due (`PendingEpochAt > 0 && b ≥ PendingEpochAt`), when `b − LastEpochBlock ≥ tempo`, or when
 * `BlocksSinceLastStep` passes MAX_TEMPO; firing sets `LastEpochBlock = b`, clears the trigger and the step
 * counter and adds one to `SubnetEpochIndex`. A block's look-ahead epoch is the counter plus one if the block
 * fires, which is both the commit's bucket and what `reveal_crv3_commits` compares against.
 *
 * Not modelled (they move the reveal later, never earlier): deferral by `MaxEpochsPerBlock`, tempo changes and
 * new triggers after the commit.
 */
function statefulSchedule(
  state: Extract<EpochState, { model: 'stateful' }>,
  inclusionBlock: number,
  revealPeriod: number,
): RevealSchedule {
  let lastEpochBlock = state.lastEpochBlock;
  let pendingEpochAt = state.pendingEpochAt;
  let epochIndex = state.subnetEpochIndex;
  // `BlocksSinceLastStep` as stored at the start of the inclusion block: the state is read one block before.
  let stepsAtStart = state.blocksSinceLastStep;
  let from = inclusionBlock;
  const nextFiring = (): number => {
    // The step counter grows by one per block and fires once it exceeds MAX_TEMPO.
    const candidates = [lastEpochBlock + state.tempo, from + Math.max(0, MAX_TEMPO - stepsAtStart)];
    if (pendingEpochAt > 0) {
      candidates.push(pendingEpochAt);
    }
    return Math.max(from, Math.min(...candidates));
  };
  const fire = (block: number): void => {
    lastEpochBlock = block;
    pendingEpochAt = 0;
    epochIndex += 1;
    stepsAtStart = 0;
    from = block + 1;
  };
  let commitEpoch = epochIndex;
  const first = nextFiring();
  if (first === inclusionBlock) {
    commitEpoch = epochIndex + 1;
    fire(first);
  }
  const revealEpoch = commitEpoch + revealPeriod;
  for (;;) {
    const block = nextFiring();
    if (epochIndex + 1 === revealEpoch) {
      return { commitEpoch, revealEpoch, firstRevealBlock: block };
    }
    fire(block);
  }
}

/**
 * When a timelocked commit sent after `stateBlock` (the block `state` was read at) is revealed, for either epoch
 * model, with `RevealPeriodEpochs` = `revealPeriod`. The commit is assumed to land in the next block
 * (bittensor-drand 2.x's COMMIT_INCLUSION_BLOCK_OFFSET); a later inclusion can only move it to a later epoch.
 */
export function revealSchedule(state: EpochState, stateBlock: number, revealPeriod: number): RevealSchedule {
  const inclusionBlock = stateBlock + 1;
  if (!Number.isSafeInteger(revealPeriod) || revealPeriod < 1) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_INVALID_ARGUMENT',
      `reveal period must be ≥ 1 epoch, got ${revealPeriod}`,
    );
  }
  if (state.tempo === 0) {
    throw noEpochs();
  }
  switch (state.model) {
    case 'modulo':
      return moduloSchedule(state, inclusionBlock, revealPeriod);
    case 'stateful':
      return statefulSchedule(state, inclusionBlock, revealPeriod);
  }
}
