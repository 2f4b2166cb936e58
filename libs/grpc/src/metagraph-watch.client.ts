import { type ClientGrpc, ClientProxyFactory } from '@nestjs/microservices';
import type { Subscription } from 'rxjs';
import { METAGRAPH_PROTO_FILE, metagraphV1 } from '@taonode/proto';
import { grpcClientOptions } from './grpc-options';

/** Pause before re-opening a watch that ended or failed (chain-sync restarting, not ready yet). */
export const METAGRAPH_REWATCH_DELAY_MS = 1_000;

/** What a watcher is told besides each snapshot. */
export interface MetagraphWatchListener {
  /** A snapshot: the first one at once, then one per changed finalized block. */
  readonly onMetagraph: (metagraph: metagraphV1.Metagraph, freshness: metagraphV1.Freshness | undefined) => void;
  /** The stream broke (chain-sync away); the client re-opens it by itself. */
  readonly onInterrupted?: (error: unknown) => void;
}

/** A running watch; `stop()` ends it for good. */
export interface MetagraphWatch {
  stop(): void;
}

/**
 * The one client of chain-sync's `WatchMetagraph` every service uses (gateway, scorer, weight-setter): opens the
 * server stream for a subnet and re-opens it whenever it ends or fails, so a service keeps its last snapshot
 * through a chain-sync restart and picks up again by itself. A stream has no deadline by nature; liveness is
 * chain-sync's own `/health`.
 */
export class MetagraphWatchClient {
  private readonly proxy: ClientGrpc & { close(): void };
  private readonly service: metagraphV1.MetagraphServiceClient;

  /** `url`: `host:port`, or `dns:///name:port` for round-robin over chain-sync replicas. */
  constructor(url: string) {
    this.proxy = ClientProxyFactory.create(
      grpcClientOptions({
        url,
        packageName: metagraphV1.TAONODE_METAGRAPH_V1_PACKAGE_NAME,
        protoFile: METAGRAPH_PROTO_FILE,
      }),
    ) as unknown as ClientGrpc & { close(): void };
    this.service = this.proxy.getService<metagraphV1.MetagraphServiceClient>(metagraphV1.METAGRAPH_SERVICE_NAME);
  }

  watch(netuid: number, listener: MetagraphWatchListener): MetagraphWatch {
    let stopped = false;
    let subscription: Subscription | undefined;
    let retry: NodeJS.Timeout | undefined;
    const reopen = (): void => {
      if (!stopped) {
        retry = setTimeout(open, METAGRAPH_REWATCH_DELAY_MS);
      }
    };
    const open = (): void => {
      if (stopped) {
        return;
      }
      subscription = this.service.watchMetagraph({ netuid }).subscribe({
        next: (response) => {
          if (response.metagraph !== undefined) {
            listener.onMetagraph(response.metagraph, response.freshness);
          }
        },
        error: (error: unknown) => {
          listener.onInterrupted?.(error);
          reopen();
        },
        complete: reopen,
      });
    };
    open();
    return {
      stop: () => {
        stopped = true;
        clearTimeout(retry);
        subscription?.unsubscribe();
      },
    };
  }

  /** Ends every watch's channel. */
  close(): void {
    this.proxy.close();
  }
}
