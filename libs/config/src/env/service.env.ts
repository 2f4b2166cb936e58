import type { z } from 'zod';
import { chainConfig, chainEnv, type ChainConfig } from './chain.env';
import { grpcConfig, grpcEnv, type GrpcServerConfig } from './grpc.env';
import { logConfig, logEnv, type LogConfig } from './log.env';
import { opsConfig, opsEnv, type OpsConfig } from './ops.env';
import { redisConfig, redisEnv, type RedisConfig } from './redis.env';

/**
 * The variables every taonode service reads: Redis, its gRPC server, the chain, the ops HTTP server and logging.
 * A service extends it with its own (`appEnv.extend(serviceEnv.shape)`).
 */
export const serviceEnv = redisEnv
  .extend(grpcEnv.shape)
  .extend(chainEnv.shape)
  .extend(opsEnv.shape)
  .extend(logEnv.shape);

export interface ServiceConfig {
  readonly redis: RedisConfig;
  readonly grpc: GrpcServerConfig;
  readonly chain: ChainConfig;
  readonly ops: OpsConfig;
  readonly log: LogConfig;
}

/** The nested configuration of {@link serviceEnv}'s variables. */
export function serviceConfig(env: z.output<typeof serviceEnv>): ServiceConfig {
  return {
    redis: redisConfig(env),
    grpc: grpcConfig(env),
    chain: chainConfig(env),
    ops: opsConfig(env),
    log: logConfig(env),
  };
}
