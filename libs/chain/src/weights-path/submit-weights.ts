import type { WaitFor } from '../extrinsic/extrinsic.submitter';
import { readCommitRevealTiming } from '../subtensor/reveal-window.reader';
import {
  revealWeights,
  preflightWeights,
  type PendingReveal,
  type WeightsPreflight,
} from '../subtensor/weights.operations';
import { prepareWeights, type ScoreVector } from './prepare-weights';
import { readSubnetWeightsState } from './weights-chain-state';
import { weightsOutcomeOfError, type WeightsOutcome } from './weights-outcome';
import { chooseWeightsPath, readWeightsPathFacts, type WeightsPathKind } from './weights-path';
import {
  BUILT_IN_WEIGHTS_STRATEGIES,
  type WeightsChain,
  type WeightsStrategies,
  type WeightsStrategyHooks,
} from './weights-strategy';

/** Options of {@link submitWeights}. */
export interface SubmitWeightsOptions {
  /** The paths this caller can take (default the built-in direct and hash commit-reveal). */
  readonly strategies?: WeightsStrategies;
  /** Decide and prepare everything, submit nothing. */
  readonly dryRun?: boolean;
  /** Default: the subnet's `WeightsVersionKey` (the smallest the chain accepts). */
  readonly versionKey?: bigint;
  readonly mechanismId?: number;
  readonly waitFor?: WaitFor;
  /** Deadline from submission to inclusion (default 60 s). */
  readonly inBlockTimeoutMs?: number;
  /** 0..65535, as the SDK's `exclude_quantile`; default 0. */
  readonly excludeQuantile?: number;
  readonly hooks?: WeightsStrategyHooks;
  /** Called as each stage starts (the CLI's spinner). */
  readonly onStage?: (stage: 'preflight' | 'submitting') => void;
}

/** The outcome and what was learnt on the way (absent when the failure came first). */
export interface WeightsAttempt {
  readonly outcome: WeightsOutcome;
  readonly path?: WeightsPathKind;
  readonly preflight?: WeightsPreflight;
}

const NO_HOOKS: WeightsStrategyHooks = { beforeSubmit: () => Promise.resolve() };

/**
 * One attempt to put a validator's scores on chain, shared by the weight-setter and `taonode weights set`:
 * preflight (registered, rate limit), the path the subnet requires (feature-detected), processing as the SDK
 * does (`process_weights_for_netuid`, u16), refusal of NaN/empty/all-zero weights, then the strategy for that
 * path. Every result is a typed outcome; only programming errors throw.
 */
export async function submitWeights(
  chain: WeightsChain,
  netuid: number,
  scores: ScoreVector,
  options: SubmitWeightsOptions = {},
): Promise<WeightsAttempt> {
  const mechanismId = options.mechanismId ?? 0;
  let preflight: WeightsPreflight | undefined;
  try {
    options.onStage?.('preflight');
    preflight = await preflightWeights(chain.client, netuid, chain.hotkey.ss58Address, mechanismId);
    const [facts, state] = await Promise.all([
      readWeightsPathFacts(chain.client, netuid),
      readSubnetWeightsState(chain.client, netuid),
    ]);
    const path = chooseWeightsPath(facts);
    const prepared = prepareWeights(scores, state, options.excludeQuantile);
    if (!prepared.ok) {
      return { outcome: { kind: 'invalid-weights', detail: prepared.reason }, path, preflight };
    }
    const strategy = (options.strategies ?? BUILT_IN_WEIGHTS_STRATEGIES)[path];
    if (strategy === undefined) {
      const detail =
        path === 'timelocked'
          ? `subnet ${netuid} requires timelocked commit-reveal (version ${facts.commitRevealVersion ?? '?'}), which this process cannot submit`
          : `subnet ${netuid} requires the ${path} path, which this process cannot submit`;
      return { outcome: { kind: 'commit-reveal-required', path, detail }, path, preflight };
    }
    if (!preflight.rateLimitElapsed) {
      const possibleAtBlock = preflight.lastUpdate + preflight.weightsRateLimit + 1;
      const detail = `weights were set ${preflight.blocksSinceLastUpdate} blocks ago; the rate limit is ${preflight.weightsRateLimit} blocks`;
      return { outcome: { kind: 'too-soon', possibleAtBlock, detail }, path, preflight };
    }
    if (options.dryRun === true) {
      return { outcome: { kind: 'dry-run', path, weights: prepared.weights }, path, preflight };
    }
    options.onStage?.('submitting');
    const outcome = await strategy.submit(
      chain,
      {
        netuid,
        mechanismId,
        weights: prepared.weights,
        versionKey: options.versionKey ?? preflight.weightsVersionKey,
        preflight,
        waitFor: options.waitFor,
        inBlockTimeoutMs: options.inBlockTimeoutMs,
      },
      options.hooks ?? NO_HOOKS,
    );
    return { outcome, path, preflight };
  } catch (error) {
    return { outcome: weightsOutcomeOfError(error, preflight?.currentBlock ?? null), preflight };
  }
}

/**
 * Reveals a hash commit when its window is open: `too-soon` (with the block to submit at) before it, `rejected`
 * (`expired`) after it, `revealed` once included.
 */
export async function revealPendingWeights(
  chain: WeightsChain,
  reveal: PendingReveal,
  options: { readonly waitFor?: WaitFor } = {},
): Promise<WeightsOutcome> {
  let currentBlock: number | null = null;
  try {
    const [preflight, timing] = await Promise.all([
      preflightWeights(chain.client, reveal.netuid, chain.hotkey.ss58Address, reveal.mechanismId),
      readCommitRevealTiming(chain.client, reveal),
    ]);
    currentBlock = preflight.currentBlock;
    const window = timing.window;
    if (window === undefined) {
      return reveal.commitBlock === undefined
        ? { kind: 'rejected', code: 'unknown-commit-block', detail: `commit ${reveal.commitHash} has no block` }
        : { kind: 'rejected', code: 'expired', detail: `commit ${reveal.commitHash} is no longer on chain` };
    }
    // A transaction sent now goes into the block after the head.
    const nextBlock = currentBlock + 1;
    if (nextBlock < window.firstBlock) {
      return {
        kind: 'too-soon',
        possibleAtBlock: window.firstBlock - 1,
        detail: `the reveal window of ${reveal.commitHash} opens at block ${window.firstBlock}`,
      };
    }
    if (nextBlock > window.lastBlock) {
      return {
        kind: 'rejected',
        code: 'expired',
        detail: `the reveal window of ${reveal.commitHash} closed at block ${window.lastBlock}`,
      };
    }
    const result = await revealWeights(chain.client, chain.submitter, chain.hotkey, reveal, {
      waitFor: options.waitFor,
    });
    return { kind: 'revealed', block: result.blockNumber ?? null, commitHash: reveal.commitHash };
  } catch (error) {
    return weightsOutcomeOfError(error, currentBlock);
  }
}
