import { z } from 'zod';
import {
  metagraphClientConfig,
  metagraphClientEnv,
  serviceConfig,
  serviceEnv,
  walletConfig,
  walletEnv,
} from '@taonode/config';

const booleanVar = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** weight-setter's own variables; defaults live here and nowhere else. */
const weightSetterEnv = z.object({
  /** The subnet to set weights on. */
  NETUID: z.coerce.number().int().min(0).max(65535).default(1),
  /** Decide and log every step, submit nothing (`--dry-run`). */
  WEIGHTS_DRY_RUN: booleanVar,
  /** Blocks between two successful sets at least; 0 = as often as the chain's rate limit allows. */
  WEIGHTS_MIN_INTERVAL_BLOCKS: z.coerce.number().int().min(0).default(0),
  /** SDK `exclude_quantile` (0..65535). */
  WEIGHTS_EXCLUDE_QUANTILE: z.coerce.number().int().min(0).max(65535).default(0),
  /** Deadline of a whole attempt (preflight, submission, inclusion). */
  WEIGHTS_ATTEMPT_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(90_000),
  /** Deadline from submission to inclusion. */
  WEIGHTS_INCLUSION_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** Deadline of one chain read. */
  WEIGHTS_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Leader lock expiry; renewed every third of it. */
  WEIGHTS_LOCK_TTL_MS: z.coerce.number().int().min(1_000).default(30_000),
});

export const weightSetterConfigSchema = weightSetterEnv
  .extend(serviceEnv.shape)
  .extend(walletEnv.shape)
  .extend(metagraphClientEnv.shape)
  .transform((env) => ({
    ...serviceConfig(env),
    weights: {
      netuid: env.NETUID,
      dryRun: env.WEIGHTS_DRY_RUN,
      metagraphGrpcUrl: metagraphClientConfig(env).url,
      minIntervalBlocks: env.WEIGHTS_MIN_INTERVAL_BLOCKS,
      excludeQuantile: env.WEIGHTS_EXCLUDE_QUANTILE,
      attemptTimeoutMs: env.WEIGHTS_ATTEMPT_TIMEOUT_MS,
      inclusionTimeoutMs: env.WEIGHTS_INCLUSION_TIMEOUT_MS,
      callTimeoutMs: env.WEIGHTS_CALL_TIMEOUT_MS,
      lockTtlMs: env.WEIGHTS_LOCK_TTL_MS,
    },
    wallet: walletConfig(env),
  }));

/** weight-setter's parsed configuration, injected with `@Inject(APP_CONFIG)`. */
export type WeightSetterConfig = z.output<typeof weightSetterConfigSchema>;
export type WeightsConfig = WeightSetterConfig['weights'];
