import { z } from 'zod';
import { serviceConfig, serviceEnv } from '@taonode/config';

const booleanVar = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** weight-setter's own variables; defaults live here and nowhere else. */
const weightSetterEnv = z.object({
  /** The subnet to set weights on. */
  NETUID: z.coerce.number().int().min(0).max(65535).default(1),
  /** btcli wallet layout: the hotkey file `<WALLET_PATH>/<WALLET_NAME>/hotkeys/<WALLET_HOTKEY>` (plaintext). */
  WALLET_PATH: z.string().min(1).default('~/.bittensor/wallets'),
  WALLET_NAME: z.string().min(1).default('default'),
  WALLET_HOTKEY: z.string().min(1).default('default'),
  /** Decide and log every step, submit nothing (`--dry-run`). */
  WEIGHTS_DRY_RUN: booleanVar,
  /** chain-sync's MetagraphService (`host:port`, or `dns:///name:port` for replicas). */
  WEIGHTS_METAGRAPH_GRPC_URL: z.string().min(1).default('127.0.0.1:50051'),
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

export const weightSetterConfigSchema = weightSetterEnv.extend(serviceEnv.shape).transform((env) => ({
  ...serviceConfig(env),
  weights: {
    netuid: env.NETUID,
    dryRun: env.WEIGHTS_DRY_RUN,
    metagraphGrpcUrl: env.WEIGHTS_METAGRAPH_GRPC_URL,
    minIntervalBlocks: env.WEIGHTS_MIN_INTERVAL_BLOCKS,
    excludeQuantile: env.WEIGHTS_EXCLUDE_QUANTILE,
    attemptTimeoutMs: env.WEIGHTS_ATTEMPT_TIMEOUT_MS,
    inclusionTimeoutMs: env.WEIGHTS_INCLUSION_TIMEOUT_MS,
    callTimeoutMs: env.WEIGHTS_CALL_TIMEOUT_MS,
    lockTtlMs: env.WEIGHTS_LOCK_TTL_MS,
  },
  wallet: { path: env.WALLET_PATH, name: env.WALLET_NAME, hotkey: env.WALLET_HOTKEY },
}));

/** weight-setter's parsed configuration, injected with `@Inject(APP_CONFIG)`. */
export type WeightSetterConfig = z.output<typeof weightSetterConfigSchema>;
export type WeightsConfig = WeightSetterConfig['weights'];
