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
