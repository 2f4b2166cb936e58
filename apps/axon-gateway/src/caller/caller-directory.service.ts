import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { type ClientGrpc, ClientProxyFactory } from '@nestjs/microservices';
import type { Subscription } from 'rxjs';
import { APP_CONFIG } from '@taonode/config';
import { grpcClientOptions } from '@taonode/grpc';
import { METAGRAPH_PROTO_FILE, metagraphV1 } from '@taonode/proto';
import type { GatewayConfig } from '../config';
import { CallerDirectory, type CallerRecord } from './caller-directory';

/** Pause before re-opening a watch that ended or failed (chain-sync restarting, not ready yet). */
const RESUBSCRIBE_DELAY_MS = 1_000;

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
 * The cached metagraph the blacklist and priority read: kept current by chain-sync's `WatchMetagraph` stream, so a
 * request never waits on a gRPC call. When the stream breaks the last directory stays in use and the watch is
 * re-opened.
 */
@Injectable()
export class CallerDirectoryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CallerDirectoryService.name);
  private readonly proxy: ClientGrpc & { close(): void };
  private client: metagraphV1.MetagraphServiceClient | undefined;
  private subscription: Subscription | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  private current: CallerDirectory | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: GatewayConfig) {
    this.proxy = ClientProxyFactory.create(
      grpcClientOptions({
        url: config.metagraphGrpcUrl,
        packageName: metagraphV1.TAONODE_METAGRAPH_V1_PACKAGE_NAME,
        protoFile: METAGRAPH_PROTO_FILE,
      }),
    ) as unknown as ClientGrpc & { close(): void };
  }

  /** The latest directory; undefined until chain-sync sent the first metagraph. */
  get directory(): CallerDirectory | undefined {
    return this.current;
  }

  onApplicationBootstrap(): void {
    this.client = this.proxy.getService<metagraphV1.MetagraphServiceClient>(metagraphV1.METAGRAPH_SERVICE_NAME);
    this.watch();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.subscription?.unsubscribe();
    this.proxy.close();
  }

  private watch(): void {
    const client = this.client;
    if (this.stopped || client === undefined) {
      return;
    }
    this.subscription = client.watchMetagraph({ netuid: this.config.netuid }).subscribe({
      next: (response) => {
        if (response.metagraph !== undefined) {
          this.current = directoryOf(response.metagraph);
        }
      },
      error: (error: unknown) => {
        this.logger.warn({ err: error, netuid: this.config.netuid }, 'metagraph watch failed; re-opening');
        this.resubscribe();
      },
      complete: () => this.resubscribe(),
    });
  }

  private resubscribe(): void {
    if (this.stopped) {
      return;
    }
    this.retry = setTimeout(() => this.watch(), RESUBSCRIBE_DELAY_MS);
  }
}
