import { z } from 'zod';
import { portVar } from './env-parsers';

/** `GRPC_HOST`/`GRPC_PORT`: where a service's gRPC server listens. */
export const grpcEnv = z.object({
  // Loopback unless the deployment opens it (containers set 0.0.0.0): internal servers are not public endpoints.
  GRPC_HOST: z.string().trim().min(1).default('127.0.0.1'),
  GRPC_PORT: portVar.default(50051),
});

export interface GrpcServerConfig {
  readonly host: string;
  readonly port: number;
  /** `host:port` as @grpc/grpc-js binds it. */
  readonly url: string;
}

export function grpcConfig(env: z.output<typeof grpcEnv>): GrpcServerConfig {
  return { host: env.GRPC_HOST, port: env.GRPC_PORT, url: `${env.GRPC_HOST}:${env.GRPC_PORT}` };
}
