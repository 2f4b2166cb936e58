import {
  describeWeightsOutcome,
  retryPolicyOf,
  type PendingReveal,
  type ScoreVector,
  type TimelockedCommitRecord,
  type WeightsOutcome,
  type WeightsSubmissionIntent,
} from '@taonode/chain';
import type { MetagraphUpdate } from '../ports/metagraph-source.port';
import type { WeightsChainPort } from '../ports/weights-chain.port';
import type { WeightsAction } from '../weight-setter-metrics.repository';

/** The parts of the leader lock the engine uses. */
export interface LeaderLock {
  acquire(): Promise<boolean>;
}

/** The parts of the ledger the engine uses (Redis in production). */
export interface WeightsLedger {
  saveIntent(intent: WeightsSubmissionIntent): Promise<void>;
  readIntent(): Promise<WeightsSubmissionIntent | null>;
  clearIntent(): Promise<void>;
  commitLanded(reveal: PendingReveal): Promise<void>;
  pendingReveals(): Promise<PendingReveal[]>;
  removeReveal(commitHash: string): Promise<void>;
}

export interface ScoreSource {
  current(netuid: number, hotkeys: readonly string[]): Promise<ScoreVector>;
}

export interface WeightsMetricsSink {
  attempted(action: WeightsAction, outcome: WeightsOutcome['kind']): void;
  blocksSinceLastSet(blocks: number): void;
  leadership(isLeader: boolean): void;
  pendingReveals(count: number): void;
}

export interface EngineLogger {
  log(message: string, context?: object): void;
  warn(message: string, context?: object): void;
}

export interface WeightSetterEngineOptions {
  readonly netuid: number;
  readonly dryRun: boolean;
  /** Blocks between two successful sets at least (on top of the chain's rate limit). */
  readonly minIntervalBlocks: number;
}

/** What one block's step did (for logs and tests). */
export type StepReport =
  | { readonly role: 'follower' }
  | {
      readonly role: 'leader';
      readonly waiting: 'pool' | 'schedule' | 'reveal' | 'reconcile-failed' | null;
      readonly outcomes: readonly WeightsOutcome[];
    };

/**
 * The weight-setter's decisions, one block at a time, behind ports (chain, ledger, scores, lock, metrics):
 * 1. only the lock holder acts;
 * 2. an intent left by a crash or a timeout is reconciled with the chain first (did LastUpdate move, is our
 *    commit stored, is our transaction still in the pool?), so a window is never submitted twice;
 * 3. pending hash commits are revealed in their window, and no new commit is made while one is pending; a
 *    timelocked commit is followed from its first reveal block until the chain has revealed it (our weights on
 *    chain: `timelocked-revealed`) or it left the queue without them (`timelocked-vanished`, a warning);
 * 4. new weights go out when the retry policy of the last outcome allows, through the shared
 *    `submitWeights` path of @taonode/chain.
 * Updates arriving while a step runs collapse into the newest: only the latest block matters.
 */
/** How many of our timelocked commits are followed at once (the chain keeps at most 10 per hotkey). */
const MAX_FOLLOWED_TIMELOCKED_COMMITS = 16;

export class WeightSetterEngine {
  private running: Promise<void> | null = null;
  private queued: MetagraphUpdate | null = null;
  private isLeader = false;
  private nextAttemptBlock = 0;
  private lastLanded: number | null = null;
  private lastBlock = 0;
  private readonly revealNotBefore = new Map<string, number>();
  /**
   * Our timelocked commits not yet settled, oldest first, each with the block from which the chain may have
   * revealed it. Every one is followed: a validator commits again before the last commit's reveal epoch, so
   * following only the newest would never reach a reveal. Bounded like the chain's own queue.
   */
  private timelocked: { readonly record: TimelockedCommitRecord; readonly checkFrom: number }[] = [];

  constructor(
    private readonly options: WeightSetterEngineOptions,
    private readonly chain: WeightsChainPort,
    private readonly ledger: WeightsLedger,
    private readonly scores: ScoreSource,
    private readonly lock: LeaderLock,
    private readonly metrics: WeightsMetricsSink,
    private readonly logger: EngineLogger,
  ) {}

  get leader(): boolean {
    return this.isLeader;
  }

  /** Feeds a metagraph update; steps run one at a time, on the newest update. */
  onMetagraph(update: MetagraphUpdate): void {
    this.queued = update;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no step is running or queued. */
  async idle(): Promise<void> {
    while (this.running !== null) {
      await this.running;
    }
  }

  /** Marks the lock lost (renewal failed): the next step must win it again before acting. */
  stepDown(): void {
    this.isLeader = false;
    this.metrics.leadership(false);
  }

  /** One block's work. Public for tests; production goes through {@link onMetagraph}. */
  async step(update: MetagraphUpdate): Promise<StepReport> {
    try {
      return await this.decide(update);
    } finally {
      if (this.lastLanded !== null && this.isLeader) {
        this.metrics.blocksSinceLastSet(Math.max(0, update.block - this.lastLanded));
      }
    }
  }

  private async decide(update: MetagraphUpdate): Promise<StepReport> {
    this.isLeader = await this.lock.acquire();
    this.metrics.leadership(this.isLeader);
    if (!this.isLeader) {
      return { role: 'follower' };
    }
    if (update.block < this.lastBlock) {
      // The chain went back (a node resynced from scratch, a devnet restarted): schedules made for the old
      // blocks mean nothing here.
      this.nextAttemptBlock = 0;
      this.revealNotBefore.clear();
      this.lastLanded = null;
      this.timelocked = [];
    }
    this.lastBlock = update.block;
    const uid = update.hotkeys.indexOf(this.chain.hotkey);
    const outcomes: WeightsOutcome[] = [];
    if (uid >= 0) {
      const waiting = await this.reconcile(uid);
      if (waiting !== null) {
        return { role: 'leader', waiting, outcomes };
      }
      outcomes.push(...(await this.revealDue(update.block)));
      await this.followTimelocked(update.block);
      if ((await this.ledger.pendingReveals()).length > 0) {
        // One commit at a time: the next one waits until this one is revealed (or expired).
        return { role: 'leader', waiting: 'reveal', outcomes };
      }
    }
    if (update.block < this.nextAttemptBlock) {
      return { role: 'leader', waiting: 'schedule', outcomes };
    }
    outcomes.push(await this.submit(update));
    return { role: 'leader', waiting: null, outcomes };
  }

  private async drain(): Promise<void> {
    while (this.queued !== null) {
      const update = this.queued;
      this.queued = null;
      try {
        await this.step(update);
      } catch (error) {
        // Redis down, lock lost mid-step: the next block retries from a clean decision.
        this.logger.warn('weights step failed', { block: update.block, err: error });
      }
    }
  }

  /** Settles an intent left behind: null when done, or why to wait. */
  private async reconcile(uid: number): Promise<'pool' | 'reconcile-failed' | null> {
    const intent = await this.ledger.readIntent();
    const reveals = await this.ledger.pendingReveals();
    this.metrics.pendingReveals(reveals.length);
    if (intent === null && reveals.length === 0) {
      return null;
    }
    let activity;
    try {
      activity = await this.chain.activity(this.options.netuid, uid);
    } catch (error) {
      this.logger.warn('cannot read weights activity; retrying next block', { err: error });
      return 'reconcile-failed';
    }
    this.lastLanded = activity.lastUpdate;
    for (const reveal of reveals) {
      if (reveal.commitBlock !== undefined && !activity.commits.some((commit) => commit.hash === reveal.commitHash)) {
        // Revealed (a reveal whose answer we never got) or expired: either way nothing is left to reveal.
        this.logger.log('pending reveal no longer on chain; dropped', { commitHash: reveal.commitHash });
        await this.ledger.removeReveal(reveal.commitHash);
      }
    }
    if (intent === null) {
      return null;
    }
    const commit =
      intent.reveal === undefined ? undefined : activity.commits.find((c) => c.hash === intent.reveal?.commitHash);
    if (intent.reveal !== undefined && commit !== undefined) {
      await this.ledger.commitLanded({ ...intent.reveal, commitBlock: commit.block });
      this.logger.log('reconciled: our commit is on chain', {
        commitHash: intent.reveal.commitHash,
        block: commit.block,
      });
      return null;
    }
    if (intent.reveal === undefined && activity.lastUpdate > intent.lastUpdateSeen) {
      await this.ledger.clearIntent();
      this.nextAttemptBlock = Math.max(this.nextAttemptBlock, activity.lastUpdate + 1);
      this.logger.log('reconciled: our weights landed', { block: activity.lastUpdate });
      return null;
    }
    if (activity.pendingInPool) {
      return 'pool';
    }
    await this.ledger.clearIntent();
    this.logger.log('reconciled: the last submission never landed; free to submit', { path: intent.path });
    return null;
  }

  private async revealDue(block: number): Promise<WeightsOutcome[]> {
    const outcomes: WeightsOutcome[] = [];
    for (const reveal of await this.ledger.pendingReveals()) {
      if (block < (this.revealNotBefore.get(reveal.commitHash) ?? 0)) {
        continue;
      }
      const outcome = this.options.dryRun
        ? ({ kind: 'dry-run', path: 'hash-commit-reveal', weights: reveal.weights } as const)
        : await this.chain.reveal(reveal);
      this.metrics.attempted('reveal', outcome.kind);
      this.logger.log(`reveal ${describeWeightsOutcome(outcome)}`, { commitHash: reveal.commitHash });
      outcomes.push(outcome);
      switch (outcome.kind) {
        case 'revealed':
          await this.ledger.removeReveal(reveal.commitHash);
          this.revealNotBefore.delete(reveal.commitHash);
          this.lastLanded = outcome.block ?? block;
          break;
        case 'rejected':
          if (outcome.code === 'expired') {
            await this.ledger.removeReveal(reveal.commitHash);
            this.revealNotBefore.delete(reveal.commitHash);
            break;
          }
          this.revealNotBefore.set(reveal.commitHash, this.retryBlock(outcome, block, 0));
          break;
        case 'set':
        case 'committed':
        case 'timelocked-committed':
        case 'dry-run':
        case 'too-soon':
        case 'outdated':
        case 'priority-too-low':
        case 'not-registered':
        case 'no-validator-permit':
        case 'commit-reveal-required':
        case 'invalid-weights':
        case 'timeout':
          this.revealNotBefore.set(reveal.commitHash, this.retryBlock(outcome, block, 0));
          break;
      }
    }
    return outcomes;
  }

  /**
   * From its first reveal block, asks the chain where each of our timelocked commits stands, oldest first, until
   * it is settled: revealed (metric `reveal`/`revealed`), or vanished without a reveal (metric `reveal`/`rejected`,
   * a warning: the chain dropped it silently — wrong round, failed checks, expiry). A commit whose weights were
   * overwritten by a newer commit of ours revealed by the same block is superseded, not vanished: the newer one's
   * own check reports it.
   */
  private async followTimelocked(block: number): Promise<void> {
    if (this.options.dryRun) {
      return;
    }
    for (let head = this.timelocked[0]; head !== undefined && block >= head.checkFrom; head = this.timelocked[0]) {
      let status;
      try {
        status = await this.chain.timelockedStatus(head.record);
      } catch (error) {
        this.logger.warn('cannot read the timelocked commit; retrying next block', { err: error });
        return;
      }
      const commitHash = head.record.commitHash;
      switch (status) {
        case 'queued':
          return;
        case 'revealed':
          this.metrics.attempted('reveal', 'revealed');
          this.logger.log('timelocked commit revealed by the chain: our weights are on chain', { commitHash });
          break;
        case 'vanished':
          if (this.timelocked.slice(1).some((newer) => block >= newer.checkFrom)) {
            this.logger.log('timelocked commit superseded by a newer commit of ours revealed since', { commitHash });
            break;
          }
          this.metrics.attempted('reveal', 'rejected');
          this.logger.warn('timelocked commit vanished without a reveal: our weights are not on chain', {
            commitHash,
          });
          break;
      }
      this.timelocked.shift();
    }
  }

  private async submit(update: MetagraphUpdate): Promise<WeightsOutcome> {
    const scores = await this.scores.current(this.options.netuid, update.hotkeys);
    const attempt = await this.chain.submit(this.options.netuid, scores, {
      dryRun: this.options.dryRun,
      hooks: { beforeSubmit: (intent) => this.ledger.saveIntent(intent) },
    });
    const { outcome } = attempt;
    this.metrics.attempted(attempt.path === 'direct' || attempt.path === undefined ? 'set' : 'commit', outcome.kind);
    this.logger.log(`weights ${describeWeightsOutcome(outcome)}`, { block: update.block, path: attempt.path });
    switch (outcome.kind) {
      case 'set':
        await this.ledger.clearIntent();
        this.lastLanded = outcome.block ?? update.block;
        break;
      case 'timelocked-committed': {
        await this.ledger.clearIntent();
        this.lastLanded = outcome.block ?? update.block;
        const uid = update.hotkeys.indexOf(this.chain.hotkey);
        this.timelocked.push({
          record: {
            netuid: this.options.netuid,
            hotkey: this.chain.hotkey,
            uid,
            commitHash: outcome.commitHash,
            weights: outcome.weights,
          },
          checkFrom: outcome.firstRevealBlock,
        });
        if (this.timelocked.length > MAX_FOLLOWED_TIMELOCKED_COMMITS) {
          this.timelocked.shift();
        }
        break;
      }
      case 'committed':
        await this.ledger.commitLanded(outcome.reveal);
        this.lastLanded = outcome.block ?? update.block;
        break;
      case 'timeout':
        // The intent stays: the next step finds out whether the submission landed before trying again.
        break;
      case 'revealed':
      case 'dry-run':
      case 'too-soon':
      case 'outdated':
      case 'priority-too-low':
      case 'not-registered':
      case 'no-validator-permit':
      case 'commit-reveal-required':
      case 'invalid-weights':
      case 'rejected':
        await this.ledger.clearIntent();
        break;
    }
    const rateLimit = attempt.preflight?.weightsRateLimit ?? 0;
    this.nextAttemptBlock = this.retryBlock(outcome, update.block, rateLimit);
    return outcome;
  }

  private retryBlock(outcome: WeightsOutcome, block: number, rateLimit: number): number {
    const policy = retryPolicyOf(outcome);
    switch (policy.kind) {
      case 'next-window': {
        const landed = 'block' in outcome && typeof outcome.block === 'number' ? outcome.block : block;
        return landed + Math.max(rateLimit + 1, this.options.minIntervalBlocks, 1);
      }
      case 'at-block':
        return policy.block;
      case 'next-block':
        return block + 1;
      case 'reconcile':
        return block + policy.afterBlocks;
      case 'after-blocks':
        return block + policy.blocks;
    }
  }
}
