import { isChainError } from '../errors/chain.error';
import type { U16Weights } from '../subtensor/subtensor-calls';
import type { PendingReveal } from '../subtensor/weights.operations';
import type { WeightsPathKind } from './weights-path';

/**
 * The result of one attempt to put weights on chain, as the weight-setter and `taonode weights set` report it.
 * Every kind has a retry policy ({@link retryPolicyOf}); nothing here is an exception.
 */
export type WeightsOutcome =
  | { readonly kind: 'set'; readonly block: number | null; readonly weights: U16Weights }
  | { readonly kind: 'committed'; readonly block: number | null; readonly reveal: PendingReveal }
  | { readonly kind: 'revealed'; readonly block: number | null; readonly commitHash: `0x${string}` }
  /** A timelocked commit: the chain applies the weights itself at drand round `revealRound`. */
  | {
      readonly kind: 'timelocked-committed';
      readonly block: number | null;
      readonly weights: U16Weights;
      readonly revealRound: number;
      readonly firstRevealBlock: number;
      /** blake2-256 of the ciphertext, as the commit event names it (how to find the commit on chain later). */
      readonly commitHash: `0x${string}`;
    }
  | { readonly kind: 'dry-run'; readonly path: WeightsPathKind; readonly weights: U16Weights }
  /** The rate limit has not elapsed: possible from `possibleAtBlock` (or the reveal window opens then). */
  | { readonly kind: 'too-soon'; readonly possibleAtBlock: number; readonly detail: string }
  /** The transaction or its version key is stale (nonce used, `WeightsVersionKey` raised): rebuild and retry. */
  | { readonly kind: 'outdated'; readonly detail: string }
  /** A transaction with the same nonce and a higher priority is already in the pool. */
  | { readonly kind: 'priority-too-low'; readonly detail: string }
  | { readonly kind: 'not-registered'; readonly detail: string }
  | { readonly kind: 'no-validator-permit'; readonly detail: string }
  /** The subnet needs a commit-reveal path this process cannot take (e.g. timelocked v4 without the timelock strategy). */
  | { readonly kind: 'commit-reveal-required'; readonly path: WeightsPathKind; readonly detail: string }
  /** Nothing worth setting: NaN, negative, empty or all-zero scores. Never submitted. */
  | { readonly kind: 'invalid-weights'; readonly detail: string }
  /** The chain did not answer in time or the connection dropped: the transaction may or may not land. */
  | { readonly kind: 'timeout'; readonly detail: string }
  /** Any other refusal (pallet error, invalid transaction). */
  | { readonly kind: 'rejected'; readonly code: string; readonly detail: string };

export type WeightsOutcomeKind = WeightsOutcome['kind'];

/** When to try again after an outcome. */
export type RetryPolicy =
  /** Done: the next attempt is the next rate-limit window. */
  | { readonly kind: 'next-window' }
  /** Not before this block. */
  | { readonly kind: 'at-block'; readonly block: number }
  /** On the next block (stale transaction, pool contention). */
  | { readonly kind: 'next-block' }
  /** First find out whether the last submission landed, then retry on the next block. */
  | { readonly kind: 'reconcile'; readonly afterBlocks: number }
  /** The situation needs a change on chain (registration, permit, hyperparameter): look again after a while. */
  | { readonly kind: 'after-blocks'; readonly blocks: number };

/** Blocks to wait before looking again at a condition only the chain's state (or an operator) can change. */
export const RECHECK_BLOCKS = 25;
/** Blocks to wait after a rejection we do not understand. */
export const REJECTED_BACKOFF_BLOCKS = 5;

/** The retry policy of each outcome (exhaustive: a new outcome kind does not compile without one). */
export function retryPolicyOf(outcome: WeightsOutcome): RetryPolicy {
  switch (outcome.kind) {
    case 'set':
    case 'committed':
    case 'revealed':
    case 'timelocked-committed':
    case 'dry-run':
      return { kind: 'next-window' };
    case 'too-soon':
      return { kind: 'at-block', block: outcome.possibleAtBlock };
    case 'outdated':
    case 'priority-too-low':
      return { kind: 'next-block' };
    case 'timeout':
      return { kind: 'reconcile', afterBlocks: 1 };
    case 'not-registered':
    case 'no-validator-permit':
    case 'commit-reveal-required':
    case 'invalid-weights':
      return { kind: 'after-blocks', blocks: RECHECK_BLOCKS };
    case 'rejected':
      return { kind: 'after-blocks', blocks: REJECTED_BACKOFF_BLOCKS };
  }
}

/** Pallet errors that mean "too early" (rate limit, reveal window not open yet). */
const TOO_SOON_ERRORS = new Set([
  'subtensorModule.SettingWeightsTooFast',
  'subtensorModule.CommittingWeightsTooFast',
  'subtensorModule.RevealTooEarly',
]);

/**
 * Translates a failure of a weights call into an outcome. `currentBlock` (when known) dates the too-soon
 * outcome of a pallet rate-limit error, which carries no block of its own. Unknown errors are rethrown.
 */
export function weightsOutcomeOfError(error: unknown, currentBlock: number | null): WeightsOutcome {
  if (!isChainError(error)) {
    throw error;
  }
  const detail = error.message;
  switch (error.code) {
    case 'TAONODE_CHAIN_TIMEOUT':
    case 'TAONODE_CHAIN_DISCONNECTED':
    case 'TAONODE_CHAIN_UNREACHABLE':
    case 'TAONODE_CHAIN_RATE_LIMITED':
      return { kind: 'timeout', detail };
    case 'TAONODE_CHAIN_TX_OUTDATED':
      return { kind: 'outdated', detail };
    case 'TAONODE_CHAIN_PRIORITY_TOO_LOW':
      return { kind: 'priority-too-low', detail };
    case 'TAONODE_CHAIN_NOT_REGISTERED':
      return { kind: 'not-registered', detail };
    case 'TAONODE_CHAIN_INVALID_ARGUMENT':
      return { kind: 'invalid-weights', detail };
    case 'TAONODE_CHAIN_MODULE_ERROR':
      return moduleErrorOutcome(error.moduleError ?? '', detail, currentBlock);
    case 'TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH':
      return { kind: 'commit-reveal-required', path: 'hash-commit-reveal', detail };
    case 'TAONODE_CHAIN_WEIGHTS_RATE_LIMITED':
    case 'TAONODE_CHAIN_RPC_ERROR':
    case 'TAONODE_CHAIN_DISPATCH_ERROR':
    case 'TAONODE_CHAIN_INVALID_TRANSACTION':
    case 'TAONODE_CHAIN_TX_DROPPED':
    case 'TAONODE_CHAIN_UNSUPPORTED':
    case 'TAONODE_CHAIN_DECODE_ERROR':
    case 'TAONODE_CHAIN_INVALID_ENDPOINT':
    case 'TAONODE_CHAIN_BLOCK_NOT_FOUND':
    case 'TAONODE_CHAIN_SUBNET_NOT_FOUND':
    case 'TAONODE_CHAIN_INSUFFICIENT_BALANCE':
      return { kind: 'rejected', code: error.code, detail };
    default: {
      // Exhaustive: a new chain error code does not compile until it is placed above.
      const unplaced: never = error.code;
      return { kind: 'rejected', code: String(unplaced), detail };
    }
  }
}

function moduleErrorOutcome(moduleError: string, detail: string, currentBlock: number | null): WeightsOutcome {
  if (TOO_SOON_ERRORS.has(moduleError)) {
    return { kind: 'too-soon', possibleAtBlock: (currentBlock ?? 0) + 1, detail };
  }
  switch (moduleError) {
    case 'subtensorModule.NeuronNoValidatorPermit':
      return { kind: 'no-validator-permit', detail };
    case 'subtensorModule.HotKeyNotRegisteredInSubNet':
    case 'subtensorModule.HotKeyNotRegisteredInNetwork':
      return { kind: 'not-registered', detail };
    case 'subtensorModule.IncorrectWeightVersionKey':
      return { kind: 'outdated', detail };
    case 'subtensorModule.CommitRevealEnabled':
      return { kind: 'commit-reveal-required', path: 'hash-commit-reveal', detail };
    case 'subtensorModule.IncorrectCommitRevealVersion':
      return { kind: 'commit-reveal-required', path: 'timelocked', detail };
    default:
      return { kind: 'rejected', code: moduleError || 'TAONODE_CHAIN_MODULE_ERROR', detail };
  }
}

/** One line for logs and the CLI: `set in block 123`, `too-soon: possible from block 456 (…)`. */
export function describeWeightsOutcome(outcome: WeightsOutcome): string {
  switch (outcome.kind) {
    case 'set':
      return `set: ${outcome.weights.uids.length} weights in block ${outcome.block ?? '?'}`;
    case 'committed':
      return `committed: ${outcome.reveal.commitHash} in block ${outcome.block ?? '?'}; reveal pending`;
    case 'revealed':
      return `revealed: ${outcome.commitHash} in block ${outcome.block ?? '?'}`;
    case 'timelocked-committed':
      return `timelocked-committed: ${outcome.weights.uids.length} weights in block ${outcome.block ?? '?'}; the chain reveals them at drand round ${outcome.revealRound} (from block ${outcome.firstRevealBlock})`;
    case 'dry-run':
      return `dry-run: would ${outcome.path === 'direct' ? 'set' : 'commit'} ${outcome.weights.uids.length} weights (${outcome.path})`;
    case 'too-soon':
      return `too-soon: possible from block ${outcome.possibleAtBlock} (${outcome.detail})`;
    case 'commit-reveal-required':
      return `commit-reveal-required (${outcome.path}): ${outcome.detail}`;
    case 'rejected':
      return `rejected (${outcome.code}): ${outcome.detail}`;
    case 'outdated':
    case 'priority-too-low':
    case 'not-registered':
    case 'no-validator-permit':
    case 'invalid-weights':
    case 'timeout':
      return `${outcome.kind}: ${outcome.detail}`;
  }
}
