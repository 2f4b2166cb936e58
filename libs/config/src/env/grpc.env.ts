import { z } from 'zod';
import { portVar } from './env-parsers';

/** `GRPC_HOST`/`GRPC_PORT`: where a service's gRPC server listens. */
export const grpcEnv = z.object({
  GRPC_HOST: z.string().trim().min(1).default('0.0.0.0'),
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
