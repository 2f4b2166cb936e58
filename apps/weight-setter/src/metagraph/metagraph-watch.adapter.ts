import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import { type MetagraphWatch, MetagraphWatchClient } from '@taonode/grpc';
import type { metagraphV1 } from '@taonode/proto';
import type { WeightSetterConfig } from '../config';
import type { MetagraphSourcePort, MetagraphUpdate } from '../ports/metagraph-source.port';

/** The part of a snapshot the weight-setter uses. */
export function toMetagraphUpdate(metagraph: metagraphV1.Metagraph): MetagraphUpdate {
  const hotkeys: string[] = [];
  for (const neuron of metagraph.neurons) {
    hotkeys[neuron.uid] = neuron.hotkey;
  }
  return {
    netuid: metagraph.netuid,
    block: Number(metagraph.block),
    hotkeys: Array.from({ length: metagraph.n }, (_, uid) => hotkeys[uid] ?? ''),
    tempo: metagraph.hyperparameters?.tempo ?? 0,
  };
}

/**
 * Follows chain-sync's `WatchMetagraph` through the shared client (@taonode/grpc), which re-opens the stream
 * whenever chain-sync goes away; liveness of the chain itself is chain-sync's /health.
 */
@Injectable()
export class MetagraphWatchAdapter implements MetagraphSourcePort {
  private readonly logger = new Logger(MetagraphWatchAdapter.name);
  private client: MetagraphWatchClient | undefined;
  private running: MetagraphWatch | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: WeightSetterConfig) {}

  watch(netuid: number, onUpdate: (update: MetagraphUpdate) => void): void {
    this.client = new MetagraphWatchClient(this.config.weights.metagraphGrpcUrl);
    this.running = this.client.watch(netuid, {
      onMetagraph: (metagraph) => onUpdate(toMetagraphUpdate(metagraph)),
      onInterrupted: (error) => this.logger.warn({ err: error }, 'metagraph stream ended; re-opening'),
    });
  }

  stop(): void {
    this.running?.stop();
    this.client?.close();
  }
}
