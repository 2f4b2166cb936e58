import { z } from 'zod';

/**
 * `METAGRAPH_GRPC_URL`: where a service reaches chain-sync's `MetagraphService` — `host:port`, or
 * `dns:///name:port` to balance over replicas. The default is chain-sync's own loopback default.
 */
export const metagraphClientEnv = z.object({
  METAGRAPH_GRPC_URL: z.string().trim().min(1).default('127.0.0.1:50051'),
});

export interface MetagraphClientConfig {
  readonly url: string;
}

export function metagraphClientConfig(env: z.output<typeof metagraphClientEnv>): MetagraphClientConfig {
  return { url: env.METAGRAPH_GRPC_URL };
}
