import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import { Dendrite } from '@taonode/dendrite';
import type { Signer } from '@taonode/protocol';
import type { ScorerConfig } from '../config';
import type { MinerQuery, MinerReply } from '../ports/miner-query.port';
import type { MinerCandidate } from '../round/miner-selection';
import type { Challenge } from '../task/scoring-task';

/**
 * The miners' side of a round through the dendrite: one keep-alive pool for the process, every request of a
 * challenge signed before the first is written, each miner timed from its own write.
 */
@Injectable()
export class DendriteAdapter implements MinerQuery, OnApplicationShutdown {
  private dendrite: Dendrite | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: ScorerConfig) {}

  /** Opens the pool for `signer` (the validator hotkey); called once the hotkey is loaded. */
  async open(signer: Signer): Promise<void> {
    this.dendrite = await Dendrite.create({
      signer,
      externalIp: this.config.scorer.externalIp,
      responseSignatures: this.config.scorer.responseSignatures,
      maxResponseBytes: this.config.scorer.maxResponseBytes,
    });
  }

  async query(challenge: Challenge, miners: readonly MinerCandidate[]): Promise<MinerReply[]> {
    const dendrite = this.dendrite;
    if (dendrite === undefined) {
      throw new Error('the dendrite is not open yet');
    }
    const responses = await dendrite.forward(
      challenge.synapse,
      challenge.request,
      miners.map(({ uid, ip, port, hotkey }) => ({ uid, ip, port, hotkey })),
      challenge.timeoutSeconds,
    );
    return responses.map((response, index) => ({
      uid: response.target.uid ?? (miners[index] as MinerCandidate).uid,
      isSuccess: response.isSuccess,
      statusCode: response.statusCode,
      synapse: response.synapse,
      processTimeSeconds: response.processTimeSeconds,
    }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dendrite?.close();
  }
}
