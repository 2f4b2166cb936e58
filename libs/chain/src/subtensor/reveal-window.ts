/** The blocks in which a commit-reveal v2 commit may be revealed. */
export interface RevealWindow {
  /** Epoch the commit was made in and the epoch it must be revealed in. */
  readonly commitEpoch: number;
  readonly revealEpoch: number;
  /** First and last block (inclusive) of the reveal epoch. */
  readonly firstBlock: number;
  readonly lastBlock: number;
}

/**
 * The chain's epoch index of `block` on `netuid` (`get_epoch_index`): epochs are staggered by netuid,
 * `(block + netuid + 1) / (tempo + 1)`. With tempo 0 there are no epochs (every block is epoch 0).
 */
export function epochIndex(netuid: number, tempo: number, block: number): number {
  return tempo === 0 ? 0 : Math.floor((block + netuid + 1) / (tempo + 1));
}

/**
 * Where a commit made in block `commitBlock` can be revealed: only during epoch
 * `commit epoch + RevealPeriodEpochs` (subtensor.md §6.5). Reveal earlier → `RevealTooEarly`; later →
 * the commit has expired (`ExpiredWeightCommit`).
 */
export function revealWindow(params: {
  readonly netuid: number;
  readonly tempo: number;
  readonly revealPeriodEpochs: number;
  readonly commitBlock: number;
}): RevealWindow {
  const period = params.tempo + 1;
  const commitEpoch = epochIndex(params.netuid, params.tempo, params.commitBlock);
  const revealEpoch = commitEpoch + params.revealPeriodEpochs;
  // The epoch starts where (block + netuid + 1) reaches a multiple of tempo + 1; low epochs start before block 0.
  const start = revealEpoch * period - params.netuid - 1;
  return { commitEpoch, revealEpoch, firstBlock: Math.max(0, start), lastBlock: start + period - 1 };
}

/** The scheduler state of spec 424 (`SubnetEpochIndex`, `LastEpochBlock`, `PendingEpochAt`) at `stateBlock`. */
export interface StatefulEpochs {
  readonly tempo: number;
  readonly subnetEpochIndex: number;
  readonly lastEpochBlock: number;
  /** 0 when no triggered or deferred epoch is pending. */
  readonly pendingEpochAt: number;
}

/**
 * The next block after `stateBlock` whose `on_initialize` starts a new epoch under the stateful scheduler
 * (`get_next_epoch_start_block`): `LastEpochBlock + Tempo`, or the pending trigger when that comes first.
 * Epochs then follow every `tempo` blocks, barring triggers, deferrals by the per-block cap and tempo changes.
 */
export function nextStatefulEpochBlock(epochs: StatefulEpochs, stateBlock: number): number {
  const scheduled = epochs.lastEpochBlock + epochs.tempo;
  const next = epochs.pendingEpochAt > 0 ? Math.min(scheduled, epochs.pendingEpochAt) : scheduled;
  return Math.max(next, stateBlock + 1);
}

/**
 * Where a hash commit tagged with `commitEpoch` (spec 424: `WeightCommits` field 1) can be revealed, predicted
 * from the scheduler state read at `stateBlock`: the blocks whose look-ahead epoch is `commitEpoch +
 * RevealPeriodEpochs`, i.e. from the block that starts that epoch to the block before the next one. A window
 * already past ends before `stateBlock` (its bounds are then approximate). Tempo 0 never reveals.
 */
export function statefulRevealWindow(params: {
  readonly epochs: StatefulEpochs;
  readonly stateBlock: number;
  readonly commitEpoch: number;
  readonly revealPeriodEpochs: number;
}): RevealWindow {
  const { epochs, stateBlock, commitEpoch } = params;
  const revealEpoch = commitEpoch + params.revealPeriodEpochs;
  const current = epochs.subnetEpochIndex;
  if (epochs.tempo === 0) {
    return { commitEpoch, revealEpoch, firstBlock: Number.MAX_SAFE_INTEGER, lastBlock: Number.MAX_SAFE_INTEGER };
  }
  const firstFiring = nextStatefulEpochBlock(epochs, stateBlock);
  // Block that moves the counter to epoch e > current: the (e − current)-th firing after stateBlock.
  const startOf = (epoch: number): number => firstFiring + (epoch - current - 1) * epochs.tempo;
  if (revealEpoch > current) {
    return { commitEpoch, revealEpoch, firstBlock: startOf(revealEpoch), lastBlock: startOf(revealEpoch + 1) - 1 };
  }
  if (revealEpoch === current) {
    return { commitEpoch, revealEpoch, firstBlock: epochs.lastEpochBlock, lastBlock: firstFiring - 1 };
  }
  const lastBlock = epochs.lastEpochBlock - 1 - (current - revealEpoch - 1) * epochs.tempo;
  return { commitEpoch, revealEpoch, firstBlock: Math.max(0, lastBlock - epochs.tempo + 1), lastBlock };
}
