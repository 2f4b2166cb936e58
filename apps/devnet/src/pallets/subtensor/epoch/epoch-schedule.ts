import type { Storage } from '../../../state/storage';
import { isDeclared, readBig, readNum, write } from '../state/subtensor-storage';

/**
 * When each subnet's epoch runs, in the rule of the served runtime (feature detection on the metadata):
 * - spec 424 (`SubnetEpochIndex`, `LastEpochBlock` and `PendingEpochAt` declared): the stateful scheduler of
 *   `coinbase/run_coinbase.rs` — period `tempo`, anchored on `LastEpochBlock`, brought forward by
 *   `PendingEpochAt` (a trigger or a deferral), with the `BlocksSinceLastStep > MAX_TEMPO` safety net;
 * - spec 233: the stateless modulo rule, subnet `n` steps when `(block + n + 1) % (tempo + 1) == tempo`.
 * A tempo of 0 never steps under either rule.
 */

/** `MAX_TEMPO`: a subnet that has not stepped for more blocks than this steps regardless of its schedule. */
export const MAX_TEMPO = 50_400;

/** Whether the served runtime keeps the stateful epoch counter (spec 424) rather than the modulo rule. */
export function hasStatefulEpochs(storage: Storage): boolean {
  return (
    isDeclared(storage, 'subnetEpochIndex') &&
    isDeclared(storage, 'lastEpochBlock') &&
    isDeclared(storage, 'pendingEpochAt')
  );
}

/**
 * Blocks until the subnet's next epoch under the 233 modulo rule (`blocks_until_next_epoch`): subnet `n` steps
 * on the last block of each `(block + n + 1) / (tempo + 1)` epoch.
 */
export function blocksUntilNextEpoch(netuid: number, tempo: number, block: number): number {
  if (tempo === 0) {
    return Number.MAX_SAFE_INTEGER;
  }
  return tempo - ((block + netuid + 1) % (tempo + 1));
}

/** The scheduler's state of one subnet (spec 424 storage), as `should_run_epoch` reads it. */
export interface EpochScheduleState {
  readonly tempo: number;
  readonly lastEpochBlock: number;
  /** 0 = no triggered or deferred epoch pending. */
  readonly pendingEpochAt: number;
  readonly blocksSinceLastStep: number;
}

export function readEpochScheduleState(storage: Storage, netuid: number): EpochScheduleState {
  return {
    tempo: readNum(storage, 'tempo', netuid),
    lastEpochBlock: readNum(storage, 'lastEpochBlock', netuid),
    pendingEpochAt: readNum(storage, 'pendingEpochAt', netuid),
    blocksSinceLastStep: readNum(storage, 'blocksSinceLastStep', netuid),
  };
}

/** `should_run_epoch` of spec 424, on a subnet's scheduler state. */
export function isEpochDue(state: EpochScheduleState, block: number): boolean {
  if (state.tempo === 0) {
    return false;
  }
  return (
    (state.pendingEpochAt > 0 && block >= state.pendingEpochAt) ||
    state.blocksSinceLastStep > MAX_TEMPO ||
    Math.max(0, block - state.lastEpochBlock) >= state.tempo
  );
}

/**
 * `get_next_epoch_start_block` of spec 424 (`SubnetInfoRuntimeApi`): `LastEpochBlock + Tempo`, or the pending
 * trigger/deferral when that comes first; `undefined` (None) when tempo is 0. Like the runtime it ignores a
 * one-block deferral by the per-block cap that has not happened yet.
 */
export function nextEpochStartBlock(state: EpochScheduleState): number | undefined {
  if (state.tempo === 0) {
    return undefined;
  }
  const scheduled = state.lastEpochBlock + state.tempo;
  return state.pendingEpochAt > 0 ? Math.min(scheduled, state.pendingEpochAt) : scheduled;
}

/**
 * `get_next_epoch_start_block(netuid)` as seen at `block` (whose `on_initialize` has run), in the served
 * runtime's rule; `undefined` (None) when tempo is 0. On 424 the scheduler state decides
 * (`nextEpochStartBlock`); on 233 it is the next modulo epoch block after `block`.
 */
export function nextEpochBlock(storage: Storage, netuid: number, block: number): number | undefined {
  if (hasStatefulEpochs(storage)) {
    return nextEpochStartBlock(readEpochScheduleState(storage, netuid));
  }
  const tempo = readNum(storage, 'tempo', netuid);
  if (tempo === 0) {
    return undefined;
  }
  const until = blocksUntilNextEpoch(netuid, tempo, block);
  // An epoch that fell on this block already ran in its `on_initialize`: the next one is a period later.
  return block + (until === 0 ? tempo + 1 : until);
}

/** Whether subnet `netuid`'s epoch is due at `block`, in the served runtime's rule. */
export function shouldRunEpoch(storage: Storage, netuid: number, block: number): boolean {
  if (hasStatefulEpochs(storage)) {
    return isEpochDue(readEpochScheduleState(storage, netuid), block);
  }
  return blocksUntilNextEpoch(netuid, readNum(storage, 'tempo', netuid), block) === 0;
}

/**
 * The epoch subnet `netuid` is in at `block`, before any epoch that is due at `block` ran: on 424
 * `SubnetEpochIndex`; on 233 `get_epoch_index`, `(block + netuid + 1) / (tempo + 1)`.
 */
export function epochIndex(storage: Storage, netuid: number, block: number): number {
  if (hasStatefulEpochs(storage)) {
    return readNum(storage, 'subnetEpochIndex', netuid);
  }
  const tempo = readNum(storage, 'tempo', netuid);
  return Math.floor((block + netuid + 1) / (tempo + 1));
}

/**
 * "The current epoch of subnet N at this block" as commits and reveals see it
 * (`get_current_epoch_with_lookahead`): the epoch index, plus one when an epoch is due at `block` and has not
 * run yet. Extrinsics of a block run after its `on_initialize`, so there the +1 applies only when the block's
 * due epoch was deferred; in `on_initialize`, before the epoch step, it applies on every firing block.
 * Commit tagging (`WeightCommits` field 1, `TimelockedWeightCommits`' epoch key) and the reveal of timelocked
 * commits both use this.
 */
export function currentEpochWithLookahead(storage: Storage, netuid: number, block: number): number {
  return epochIndex(storage, netuid, block) + (shouldRunEpoch(storage, netuid, block) ? 1 : 0);
}

export function revealPeriod(storage: Storage, netuid: number): number {
  return Number(readBig(storage, 'revealPeriodEpochs', netuid));
}

/**
 * A new subnet's place in the stateful schedule (`init_new_network`, spec 424): `LastEpochBlock = now −
 * (netuid % tempo)`, so subnets created together do not all step on the same block. Nothing on 233.
 */
export function seedEpochSchedule(storage: Storage, netuid: number, block: number): void {
  if (!hasStatefulEpochs(storage)) {
    return;
  }
  const tempo = readNum(storage, 'tempo', netuid);
  const stagger = tempo === 0 ? 0 : netuid % tempo;
  write(storage, 'lastEpochBlock', [netuid], Math.max(0, block - stagger));
}
