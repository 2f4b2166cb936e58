import {
  ALL_WEIGHTS_STRATEGIES,
  ChainClient,
  ExtrinsicSubmitter,
  readTimelockedCommitStatus,
  readWeightsActivity,
  revealPendingWeights,
  submitWeights,
  withDeadline,
  type PendingReveal,
  type ScoreVector,
  type TimelockedCommitRecord,
  type TimelockedCommitStatus,
  type TransactionSigner,
  type WeightsActivity,
  type WeightsAttempt,
  type WeightsChain,
  type WeightsOutcome,
  type WeightsStrategies,
  type WeightsStrategyHooks,
} from '@taonode/chain';
import type { WeightsChainPort } from '../ports/weights-chain.port';

export interface ChainWeightsOptions {
  /** Hard stop of a whole attempt (preflight, submission, inclusion). */
  readonly attemptTimeoutMs: number;
  /** Deadline from submission to inclusion. */
  readonly inclusionTimeoutMs: number;
  readonly excludeQuantile: number;
  /** Paths offered; default all three (direct, hash commit-reveal, timelocked). */
  readonly strategies?: WeightsStrategies;
}

/**
 * {@link WeightsChainPort} over `@taonode/chain`: the shared `submitWeights` / `revealPendingWeights` path,
 * each bounded by a hard deadline (a hung node yields a `timeout` outcome, never a stuck weight-setter), and
 * the activity read used to reconcile.
 */
export class ChainWeightsAdapter implements WeightsChainPort {
  private chain: WeightsChain;

  constructor(
    readonly client: ChainClient,
    hotkey: TransactionSigner,
    private readonly options: ChainWeightsOptions,
  ) {
    this.chain = { client, submitter: new ExtrinsicSubmitter(client), hotkey };
  }

  get hotkey(): string {
    return this.chain.hotkey.ss58Address;
  }

  async submit(
    netuid: number,
    scores: ScoreVector,
    options: { readonly dryRun: boolean; readonly hooks: WeightsStrategyHooks },
  ): Promise<WeightsAttempt> {
    const attempt = submitWeights(this.chain, netuid, scores, {
      strategies: this.options.strategies ?? ALL_WEIGHTS_STRATEGIES,
      dryRun: options.dryRun,
      excludeQuantile: this.options.excludeQuantile,
      inBlockTimeoutMs: this.options.inclusionTimeoutMs,
      hooks: options.hooks,
    });
    let result: WeightsAttempt;
    try {
      result = await withDeadline(attempt, this.options.attemptTimeoutMs, `weights attempt on subnet ${netuid}`);
    } catch (error) {
      result = { outcome: { kind: 'timeout', detail: error instanceof Error ? error.message : String(error) } };
    }
    this.afterOutcome(result.outcome);
    return result;
  }

  async reveal(reveal: PendingReveal): Promise<WeightsOutcome> {
    let outcome: WeightsOutcome;
    try {
      outcome = await withDeadline(
        revealPendingWeights(this.chain, reveal),
        this.options.attemptTimeoutMs,
        `reveal of ${reveal.commitHash}`,
      );
    } catch (error) {
      outcome = { kind: 'timeout', detail: error instanceof Error ? error.message : String(error) };
    }
    this.afterOutcome(outcome);
    return outcome;
  }

  /** After losing the chain, nonces cached by the submitter may be wrong (the node may have restarted): start afresh. */
  private afterOutcome(outcome: WeightsOutcome): void {
    if (outcome.kind === 'timeout') {
      this.chain = { ...this.chain, submitter: new ExtrinsicSubmitter(this.client) };
    }
  }

  activity(netuid: number, uid: number): Promise<WeightsActivity> {
    return readWeightsActivity(this.chain.client, netuid, uid, this.hotkey);
  }

  timelockedStatus(record: TimelockedCommitRecord): Promise<TimelockedCommitStatus> {
    return readTimelockedCommitStatus(this.chain.client, record);
  }
}
