import { z } from 'zod';
import {
  metagraphClientConfig,
  metagraphClientEnv,
  serviceConfig,
  serviceEnv,
  walletConfig,
  walletEnv,
} from '@taonode/config';

/** validator-scorer's own variables; defaults live here and nowhere else. */
const scorerEnv = z.object({
  /** The subnet whose miners are scored. */
  NETUID: z.coerce.number().int().min(0).max(65535).default(1),
  /** A round starts every this many finalized blocks (12 s each on finney). */
  SCORER_ROUND_INTERVAL_BLOCKS: z.coerce.number().int().min(1).default(10),
  /** Miners queried per round: 0 = every miner with a served axon, otherwise a seeded sample of this size. */
  SCORER_SAMPLE_SIZE: z.coerce.number().int().min(0).max(65535).default(0),
  /** Weight of a round's reward in the moving average (the subnet template's moving_average_alpha). */
  SCORER_MOVING_AVERAGE_ALPHA: z.coerce.number().gt(0).max(1).default(0.1),
  /** The IP the dendrite reports in `bt_header_dendrite_ip` (the SDK reports its external IP). */
  SCORER_EXTERNAL_IP: z.ipv4().or(z.ipv6()).default('127.0.0.1'),
  /** Whether answers from taonode gateways must carry a valid response signature (`record` only notes it). */
  SCORER_RESPONSE_SIGNATURES: z.enum(['off', 'record', 'require']).default('record'),
  /** Largest response body accepted from a miner, in bytes. */
  SCORER_MAX_RESPONSE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
});

export const scorerConfigSchema = scorerEnv
  .extend(serviceEnv.shape)
  .extend(walletEnv.shape)
  .extend(metagraphClientEnv.shape)
  .transform((env) => ({
    ...serviceConfig(env),
    wallet: walletConfig(env),
    metagraph: metagraphClientConfig(env),
    scorer: {
      netuid: env.NETUID,
      roundIntervalBlocks: env.SCORER_ROUND_INTERVAL_BLOCKS,
      sampleSize: env.SCORER_SAMPLE_SIZE,
      movingAverageAlpha: env.SCORER_MOVING_AVERAGE_ALPHA,
      externalIp: env.SCORER_EXTERNAL_IP,
      responseSignatures: env.SCORER_RESPONSE_SIGNATURES,
      maxResponseBytes: env.SCORER_MAX_RESPONSE_BYTES,
    },
  }));

/** validator-scorer's parsed configuration, injected with `@Inject(APP_CONFIG)`. */
export type ScorerConfig = z.output<typeof scorerConfigSchema>;
