import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import { type MetagraphWatch, MetagraphWatchClient } from '@taonode/grpc';
import type { metagraphV1 } from '@taonode/proto';
import type { GatewayConfig } from '../config';
import { CallerDirectory, type CallerRecord } from './caller-directory';

/** Builds the directory of one metagraph message. */
export function directoryOf(metagraph: metagraphV1.Metagraph): CallerDirectory {
  const byHotkey = new Map<string, CallerRecord>();
  for (const neuron of metagraph.neurons) {
    byHotkey.set(neuron.hotkey, {
      uid: neuron.uid,
      stakeRao: BigInt(neuron.stakeRao),
      validatorPermit: neuron.validatorPermit,
    });
  }
  return new CallerDirectory(byHotkey, Number(metagraph.block));
}

/**
 * The cached metagraph the blacklist and priority read: kept current by chain-sync's `WatchMetagraph` stream
 * (libs/grpc's MetagraphWatchClient, which re-opens it by itself), so a request never waits on a gRPC call. While
 * the stream is broken the last directory stays in use.
 */
@Injectable()
export class CallerDirectoryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CallerDirectoryService.name);
  private readonly client: MetagraphWatchClient;
  private watch: MetagraphWatch | undefined;
  private current: CallerDirectory | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: GatewayConfig) {
    this.client = new MetagraphWatchClient(config.metagraphGrpcUrl);
  }

  /** The latest directory; undefined until chain-sync sent the first metagraph. */
  get directory(): CallerDirectory | undefined {
    return this.current;
  }

  onApplicationBootstrap(): void {
    this.watch = this.client.watch(this.config.netuid, {
      onMetagraph: (metagraph) => {
        this.current = directoryOf(metagraph);
      },
      onInterrupted: (error) =>
        this.logger.warn({ err: error, netuid: this.config.netuid }, 'metagraph watch interrupted; re-opening'),
    });
  }

  onApplicationShutdown(): void {
    this.watch?.stop();
    this.client.close();
  }
}
