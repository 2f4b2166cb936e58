import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import { hotkeySigner } from '@taonode/dendrite';
import { type MetagraphWatch, MetagraphWatchClient } from '@taonode/grpc';
import type { metagraphV1 } from '@taonode/proto';
import { Wallet } from '@taonode/wallet';
import { DendriteAdapter } from '../adapters/dendrite.adapter';
import { ReferenceAnswersRepository } from '../adapters/reference-answers.repository';
import { ScoreLedgerRepository } from '../adapters/score-ledger.repository';
import type { ScorerConfig } from '../config';
import type { MinerCandidate } from '../round/miner-selection';
import { type RoundReport, RoundRunner } from '../round/round-runner.service';
import { isRoundDue } from '../round/round-schedule';
import { ScorerMetricsRepository } from '../scorer-metrics.repository';
import { BUILTIN_TASK } from '../task/builtin.task';

function candidatesOf(metagraph: metagraphV1.Metagraph): MinerCandidate[] {
  return metagraph.neurons.map((neuron) => ({
    uid: neuron.uid,
    hotkey: neuron.hotkey,
    ip: neuron.axon?.ip ?? '0.0.0.0',
    port: neuron.axon?.port ?? 0,
    isServing: neuron.axon?.isServing ?? false,
  }));
}

/**
 * Runs a round every SCORER_ROUND_INTERVAL_BLOCKS finalized blocks, as chain-sync reports them. One round at a
 * time: a head that arrives during a round is looked at again with the next one (never a queue of rounds).
 */
@Injectable()
export class RoundSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoundSchedulerService.name);
  private readonly client: MetagraphWatchClient;
  private watch: MetagraphWatch | undefined;
  private runner: RoundRunner | undefined;
  private running: Promise<void> | undefined;
  private lastRoundBlock: number | null = null;
  private lastReport: RoundReport | undefined;
  private latestBlock: number | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ScorerConfig,
    private readonly dendrite: DendriteAdapter,
    private readonly references: ReferenceAnswersRepository,
    private readonly ledger: ScoreLedgerRepository,
    private readonly metrics: ScorerMetricsRepository,
  ) {
    this.client = new MetagraphWatchClient(config.metagraph.url);
  }

  /** True once the hotkey is loaded and chain-sync has sent a metagraph. */
  get isReady(): boolean {
    return this.runner !== undefined && this.latestBlock !== undefined;
  }

  /** The latest completed round's report, undefined before the first. */
  get lastRound(): RoundReport | undefined {
    return this.lastReport;
  }

  /** Block of the latest completed round, null before the first. */
  get lastCompletedRound(): number | null {
    return this.lastReport?.block ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { path, name, hotkey } = this.config.wallet;
    // Signing through the protocol's WASM sr25519 (the wallet keypair's own signer is ~1 ms per request).
    const signer = hotkeySigner(await new Wallet({ path, name, hotkey }).hotkeyFile.readKeypair());
    await this.dendrite.open(signer);
    this.runner = new RoundRunner(BUILTIN_TASK, this.references, this.dendrite, this.ledger, {
      ownHotkey: signer.ss58Address,
      sampleSize: this.config.scorer.sampleSize,
    });
    this.logger.log({ hotkey: signer.ss58Address, netuid: this.config.scorer.netuid }, 'validator hotkey loaded');
    this.watch = this.client.watch(this.config.scorer.netuid, {
      onMetagraph: (metagraph) => this.onMetagraph(metagraph),
      onInterrupted: (error) => this.logger.warn({ err: error }, 'metagraph watch interrupted; re-opening'),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.watch?.stop();
    this.client.close();
    await this.running;
  }

  private onMetagraph(metagraph: metagraphV1.Metagraph): void {
    const block = Number(metagraph.block);
    this.latestBlock = block;
    const runner = this.runner;
    if (runner === undefined || this.running !== undefined) {
      return;
    }
    if (!isRoundDue(block, this.lastRoundBlock, this.config.scorer.roundIntervalBlocks)) {
      return;
    }
    this.lastRoundBlock = block;
    this.running = this.runRound(runner, metagraph, block).finally(() => {
      this.running = undefined;
    });
  }

  private async runRound(runner: RoundRunner, metagraph: metagraphV1.Metagraph, block: number): Promise<void> {
    const started = performance.now();
    try {
      const report = await runner.run({ netuid: metagraph.netuid, block, neurons: candidatesOf(metagraph) });
      this.lastReport = report;
      this.metrics.roundCompleted(report, (performance.now() - started) / 1000);
      this.logger.log(
        {
          block,
          miners: report.miners,
          statuses: Object.fromEntries(
            [...report.statuses].map(([label, counts]) => [label, Object.fromEntries(counts)]),
          ),
          missingReferences: report.missingReferences,
          scores: Object.fromEntries(report.scores),
        },
        'round completed',
      );
    } catch (error) {
      this.metrics.roundFailed();
      this.logger.error({ err: error, block }, 'round failed; the next one starts on schedule');
    }
  }
}
