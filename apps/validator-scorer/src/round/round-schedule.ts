/**
 * When the next round is due: every `intervalBlocks` finalized blocks after the last one that ran. Rounds never
 * overlap (the caller runs one at a time); a block that arrives while a round runs is simply considered again on
 * the next head.
 */
export function isRoundDue(block: number, lastRoundBlock: number | null, intervalBlocks: number): boolean {
  return lastRoundBlock === null || block >= lastRoundBlock + intervalBlocks;
}
