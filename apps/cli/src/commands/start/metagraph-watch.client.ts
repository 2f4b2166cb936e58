import {
  credentials,
  loadPackageDefinition,
  type ClientReadableStream,
  type ServiceClientConstructor,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { GRPC_LOADER_OPTIONS } from '@taonode/grpc';
import { METAGRAPH_PROTO_FILE, metagraphV1 } from '@taonode/proto';

type WatchStream = ClientReadableStream<metagraphV1.WatchMetagraphResponse>;

interface MetagraphGrpcClient {
  watchMetagraph(request: metagraphV1.WatchMetagraphRequest): WatchStream;
  close(): void;
}

/**
 * Follows `WatchMetagraph` on chain-sync for one subnet. The CLI is not a NestJS app, so it dials gRPC directly,
 * with the same loader options as every taonode server so the shapes are ts-proto's.
 */
export class MetagraphWatchClient {
  private readonly client: MetagraphGrpcClient;
  private stream: WatchStream | undefined;

  constructor(address: string) {
    const definition = loadSync(METAGRAPH_PROTO_FILE, GRPC_LOADER_OPTIONS);
    const service = lookupService(loadPackageDefinition(definition), [
      ...metagraphV1.TAONODE_METAGRAPH_V1_PACKAGE_NAME.split('.'),
      metagraphV1.METAGRAPH_SERVICE_NAME,
    ]);
    this.client = new service(address, credentials.createInsecure()) as unknown as MetagraphGrpcClient;
  }

  watch(
    netuid: number,
    onUpdate: (update: metagraphV1.WatchMetagraphResponse) => void,
    onEnd: (error?: Error) => void,
  ): void {
    const stream = this.client.watchMetagraph({ netuid });
    this.stream = stream;
    stream.on('data', onUpdate);
    stream.on('error', (error: Error) => onEnd(error));
    stream.on('end', () => onEnd());
  }

  close(): void {
    this.stream?.cancel();
    this.client.close();
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
