import { randomInt } from 'node:crypto';
import type { ChainClient } from '../client/chain-client';
import type { ExtrinsicSubmitter, WaitFor } from '../extrinsic/extrinsic.submitter';
import type { TransactionSigner } from '../extrinsic/keypair-signer';
import { commitWeightsCall, setWeightsCall, type U16Weights } from '../subtensor/subtensor-calls';
import type { PendingReveal, WeightsPreflight } from '../subtensor/weights.operations';
import { mechanismStorageIndex, weightCommitHash } from '../weights/commit-hash';
import type { WeightsOutcome } from './weights-outcome';
import type { WeightsPathKind } from './weights-path';

/** Who submits, and where. */
export interface WeightsChain {
  readonly client: ChainClient;
  readonly submitter: ExtrinsicSubmitter;
  readonly hotkey: TransactionSigner;
}

/** One submission the strategy is asked to make; the preflight has already passed. */
export interface WeightsSubmissionRequest {
  readonly netuid: number;
  readonly mechanismId: number;
  readonly weights: U16Weights;
  readonly versionKey: bigint;
  readonly preflight: WeightsPreflight;
  readonly waitFor?: WaitFor;
  /** Deadline from submission to inclusion (the submitter's default is 60 s). */
  readonly inBlockTimeoutMs?: number;
}

/**
 * What a strategy records before it submits, so a process killed mid-submission can find out on restart whether
 * the submission landed (never submitting twice in one window) and, for hash commits, still reveal.
 */
export interface WeightsSubmissionIntent {
  readonly path: WeightsPathKind;
  readonly netuid: number;
  readonly mechanismId: number;
  readonly hotkey: string;
  /** `LastUpdate` of our uid when we decided: a larger value on chain means a submission of ours landed. */
  readonly lastUpdateSeen: number;
  readonly decidedAtBlock: number;
  /** Hash commits: everything the reveal needs (salt included), saved before the commit is sent. */
  readonly reveal?: PendingReveal;
}

/** Hooks the caller gives a strategy. */
export interface WeightsStrategyHooks {
  /** Persist the intent; the strategy submits only after this resolves. */
  readonly beforeSubmit: (intent: WeightsSubmissionIntent) => Promise<void>;
}

/**
 * One way of putting weights on chain. The built-in ones are direct and hash commit-reveal; the timelocked
 * strategy (CR v3/v4, libs/chain/src/timelock) plugs in by implementing this with path `timelocked`.
 * Implementations throw ChainErrors; the caller turns them into outcomes.
 */
export interface WeightsStrategy {
  readonly path: WeightsPathKind;
  submit(chain: WeightsChain, request: WeightsSubmissionRequest, hooks: WeightsStrategyHooks): Promise<WeightsOutcome>;
}

/** The strategies a caller offers, by path; a missing path makes the outcome `commit-reveal-required`. */
export type WeightsStrategies = Readonly<Partial<Record<WeightsPathKind, WeightsStrategy>>>;

function baseIntent(
  chain: WeightsChain,
  request: WeightsSubmissionRequest,
  path: WeightsPathKind,
): WeightsSubmissionIntent {
  return {
    path,
    netuid: request.netuid,
    mechanismId: request.mechanismId,
    hotkey: chain.hotkey.ss58Address,
    lastUpdateSeen: request.preflight.lastUpdate,
    decidedAtBlock: request.preflight.currentBlock,
  };
}

/** `set_weights` / `set_mechanism_weights` (whichever the runtime has). */
export const DIRECT_WEIGHTS_STRATEGY: WeightsStrategy = {
  path: 'direct',
  async submit(chain, request, hooks) {
    await hooks.beforeSubmit(baseIntent(chain, request, 'direct'));
    const call = setWeightsCall(
      chain.client.api,
      request.netuid,
      request.weights,
      request.versionKey,
      request.mechanismId,
    );
    const result = await chain.submitter.submit(call, chain.hotkey, {
      waitFor: request.waitFor,
      inBlockTimeoutMs: request.inBlockTimeoutMs,
      what: `set weights on subnet ${request.netuid}`,
    });
    return { kind: 'set', block: result.blockNumber ?? null, weights: request.weights };
  },
};

/** Salt length the SDK uses for commit-reveal v2. */
const SALT_LENGTH = 8;

/** Commit-reveal v2: `commit_(mechanism_)weights` now; the caller reveals in the reveal epoch. */
export const HASH_COMMIT_REVEAL_STRATEGY: WeightsStrategy = {
  path: 'hash-commit-reveal',
  async submit(chain, request, hooks) {
    const salt = Array.from({ length: SALT_LENGTH }, () => randomInt(0, 65536));
    const commitHash = weightCommitHash({
      hotkey: chain.hotkey.publicKey,
      netuidIndex: mechanismStorageIndex(request.netuid, request.mechanismId),
      uids: request.weights.uids,
      values: request.weights.values,
      salt,
      versionKey: request.versionKey,
    });
    const reveal: PendingReveal = {
      netuid: request.netuid,
      mechanismId: request.mechanismId,
      hotkey: chain.hotkey.ss58Address,
      commitHash,
      weights: request.weights,
      salt,
      versionKey: request.versionKey,
    };
    await hooks.beforeSubmit({ ...baseIntent(chain, request, 'hash-commit-reveal'), reveal });
    const result = await chain.submitter.submit(
      commitWeightsCall(chain.client.api, request.netuid, commitHash, request.mechanismId),
      chain.hotkey,
      {
        waitFor: request.waitFor,
        inBlockTimeoutMs: request.inBlockTimeoutMs,
        what: `commit weights on subnet ${request.netuid}`,
      },
    );
    return {
      kind: 'committed',
      block: result.blockNumber ?? null,
      reveal: { ...reveal, commitBlock: result.blockNumber },
    };
  },
};

/** The strategies this module implements without the timelock (see `ALL_WEIGHTS_STRATEGIES` for all three). */
export const BUILT_IN_WEIGHTS_STRATEGIES: WeightsStrategies = {
  direct: DIRECT_WEIGHTS_STRATEGY,
  'hash-commit-reveal': HASH_COMMIT_REVEAL_STRATEGY,
};
