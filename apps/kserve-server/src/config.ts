import { z } from 'zod';
import { portVar } from '@taonode/config';

/** kserve-server's variables; defaults live here and nowhere else. */
export const kserveConfigSchema = z
  .object({
    /** gRPC bind address and port (8001 is Triton's gRPC port, so clients configured for Triton work unchanged). */
    KSERVE_HOST: z.string().trim().min(1).default('127.0.0.1'),
    KSERVE_GRPC_PORT: portVar.default(8001),
    /** Model repository (Triton layout) for the synthetic model; unset → `.cache/models` of the checkout. */
    INFERENCE_MODEL_REPOSITORY: z.string().trim().min(1).optional(),
    INFERENCE_ORT_THREADS: z.coerce.number().int().min(1).max(64).default(1),
    INFERENCE_MAX_BATCH: z.coerce.number().int().min(1).max(1024).default(32),
    INFERENCE_BATCH_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(2),
  })
  .transform((env) => ({
    host: env.KSERVE_HOST,
    port: env.KSERVE_GRPC_PORT,
    server: {
      source: { kind: 'bytelm', repository: env.INFERENCE_MODEL_REPOSITORY } as const,
      intraOpThreads: env.INFERENCE_ORT_THREADS,
      maxBatch: env.INFERENCE_MAX_BATCH,
      batchDelayMs: env.INFERENCE_BATCH_DELAY_MS,
    },
  }));

export type KserveConfig = z.output<typeof kserveConfigSchema>;
