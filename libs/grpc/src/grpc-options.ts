import type { ChannelOptions } from '@grpc/grpc-js';
import type { Options as LoaderOptions } from '@grpc/proto-loader';
import { type GrpcOptions, Transport } from '@nestjs/microservices';
import { PROTO_ROOT } from '@taonode/proto';

/**
 * The one proto-loader configuration of every taonode gRPC server and client. It must produce the shapes ts-proto
 * generates (`forceLong=string`, camelCase fields, numeric enums) — a mismatch would silently turn u64 strings into
 * Long objects or drop unset fields, so nobody sets loader options anywhere else.
 */
export const GRPC_LOADER_OPTIONS: LoaderOptions = {
  keepCase: false,
  longs: String,
  enums: Number,
  defaults: true,
  arrays: true,
  objects: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};

export interface GrpcEndpointOptions {
  /** `host:port` to bind (server) or dial (client; `dns:///name:port` for a scaled service). */
  readonly url: string;
  /** Proto package, e.g. `metagraphV1.TAONODE_METAGRAPH_V1_PACKAGE_NAME`. */
  readonly packageName: string;
  /** Proto file relative to PROTO_ROOT, e.g. `METAGRAPH_PROTO_FILE`. */
  readonly protoFile: string;
  readonly channelOptions?: ChannelOptions;
}

/** NestJS microservice options for a gRPC server (`NestFactory.createMicroservice`). */
export function grpcServerOptions(options: GrpcEndpointOptions): GrpcOptions {
  return endpointOptions(options, options.channelOptions);
}

/**
 * NestJS client options (`ClientsModule.register`, `ClientProxyFactory.create`). Clients of a replicated service
 * pass a `dns:///` URL and get round-robin balancing; a single connection would pin every call to one replica.
 */
export function grpcClientOptions(options: GrpcEndpointOptions): GrpcOptions {
  return endpointOptions(options, {
    'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
    ...options.channelOptions,
  });
}

function endpointOptions(options: GrpcEndpointOptions, channelOptions: ChannelOptions | undefined): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      url: options.url,
      package: options.packageName,
      protoPath: options.protoFile,
      loader: GRPC_LOADER_OPTIONS,
      channelOptions,
    },
  };
}
