import {
  credentials,
  loadPackageDefinition,
  type ClientReadableStream,
  type ServiceClientConstructor,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { backoffDelay, DEFAULT_BACKOFF } from '@taonode/chain';
import { APP_CONFIG } from '@taonode/config';
import { GRPC_LOADER_OPTIONS } from '@taonode/grpc';
import { METAGRAPH_PROTO_FILE, metagraphV1 } from '@taonode/proto';
import type { WeightSetterConfig } from '../config';
import type { MetagraphSourcePort, MetagraphUpdate } from '../ports/metagraph-source.port';

type WatchStream = ClientReadableStream<metagraphV1.WatchMetagraphResponse>;

interface MetagraphGrpcClient {
  watchMetagraph(request: metagraphV1.WatchMetagraphRequest): WatchStream;
  close(): void;
}

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
 * Follows chain-sync's `WatchMetagraph` stream over gRPC (same loader options as every taonode server). The
 * stream stays open across chain outages on chain-sync's side; if chain-sync itself goes away, this re-dials with
 * backoff. A streaming call has no deadline by nature; liveness is chain-sync's job (its /health).
 */
@Injectable()
export class MetagraphWatchAdapter implements MetagraphSourcePort {
  private readonly logger = new Logger(MetagraphWatchAdapter.name);
  private client: MetagraphGrpcClient | undefined;
  private stream: WatchStream | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: WeightSetterConfig) {}

  watch(netuid: number, onUpdate: (update: MetagraphUpdate) => void): void {
    this.stopped = false;
    const definition = loadSync(METAGRAPH_PROTO_FILE, GRPC_LOADER_OPTIONS);
    const service = lookupService(loadPackageDefinition(definition), [
      ...metagraphV1.TAONODE_METAGRAPH_V1_PACKAGE_NAME.split('.'),
      metagraphV1.METAGRAPH_SERVICE_NAME,
    ]);
    this.client = new service(
      this.config.weights.metagraphGrpcUrl,
      credentials.createInsecure(),
    ) as unknown as MetagraphGrpcClient;
    this.open(netuid, onUpdate);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.stream?.cancel();
    this.client?.close();
  }

  private open(netuid: number, onUpdate: (update: MetagraphUpdate) => void): void {
    const client = this.client;
    if (client === undefined || this.stopped) {
      return;
    }
    const stream = client.watchMetagraph({ netuid });
    this.stream = stream;
    stream.on('data', (response: metagraphV1.WatchMetagraphResponse) => {
      this.attempt = 0;
      if (response.metagraph !== undefined) {
        onUpdate(toMetagraphUpdate(response.metagraph));
      }
    });
    const reopen = (error?: Error): void => {
      if (this.stopped || this.stream !== stream) {
        return;
      }
      const delayMs = backoffDelay(this.attempt, DEFAULT_BACKOFF);
      this.attempt += 1;
      this.logger.warn({ err: error, delayMs }, 'metagraph stream ended; re-dialling chain-sync');
      this.retryTimer = setTimeout(() => this.open(netuid, onUpdate), delayMs);
    };
    stream.on('error', reopen);
    stream.on('end', () => reopen());
  }
}

function lookupService(root: unknown, path: readonly string[]): ServiceClientConstructor {
  let node = root;
  for (const segment of path) {
    node = (node as Record<string, unknown> | undefined)?.[segment];
  }
  if (typeof node !== 'function') {
    throw new Error(`gRPC service ${path.join('.')} is not in ${METAGRAPH_PROTO_FILE}`);
  }
  return node as ServiceClientConstructor;
}
