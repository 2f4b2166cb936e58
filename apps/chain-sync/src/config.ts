import { z } from 'zod';
import { serviceConfig, serviceEnv } from '@taonode/config';

const NETUID = z.number().int().min(0).max(65535);

/** chain-sync's own variables; defaults live here and nowhere else. */
const chainSyncEnv = z.object({
  /** Subnets to follow, comma-separated. */
  NETUIDS: z
    .string()
    .default('1')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    )
    .pipe(z.array(z.string().regex(/^\d+$/, 'netuids are integers').transform(Number).pipe(NETUID)).min(1))
    .transform((netuids) => [...new Set(netuids)]),
  /** Health fails when the finalized head has not moved for this many block times. */
  CHAIN_SYNC_HEALTH_MAX_LAG_BLOCKS: z.coerce.number().int().min(1).default(10),
  /** Expected block time: 12 s on subtensor; the devnet's fast blocks are shorter. */
  CHAIN_SYNC_BLOCK_TIME_MS: z.coerce.number().int().min(1).default(12_000),
  /** Deadline of one chain call (metagraph read, block hash lookup). */
  CHAIN_SYNC_CALL_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
  /**
   * How metagraphs are read: the runtime API where the runtime offers it (`auto`), or always one path.
   * Against the devnet `storage` is faster: the devnet assembles runtime API answers in TypeScript.
   */
  CHAIN_SYNC_METAGRAPH_SOURCE: z.enum(['auto', 'runtime-api', 'storage']).default('auto'),
  /** On-demand reads (explicit blocks, subnets not followed): metagraphs cached by block hash. */
  CHAIN_SYNC_LIVE_READ_CACHE_SIZE: z.coerce.number().int().min(0).max(10_000).default(16),
  /** On-demand reads running at once; more are refused with RESOURCE_EXHAUSTED. */
  CHAIN_SYNC_LIVE_READ_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(4),
});

export const chainSyncConfigSchema = chainSyncEnv.extend(serviceEnv.shape).transform((env) => ({
  ...serviceConfig(env),
  sync: {
    netuids: env.NETUIDS,
    healthMaxLagBlocks: env.CHAIN_SYNC_HEALTH_MAX_LAG_BLOCKS,
    blockTimeMs: env.CHAIN_SYNC_BLOCK_TIME_MS,
    callTimeoutMs: env.CHAIN_SYNC_CALL_TIMEOUT_MS,
    metagraphSource: env.CHAIN_SYNC_METAGRAPH_SOURCE,
    liveReads: { cacheSize: env.CHAIN_SYNC_LIVE_READ_CACHE_SIZE, maxConcurrent: env.CHAIN_SYNC_LIVE_READ_CONCURRENCY },
  },
}));

/** chain-sync's parsed configuration, injected with `@Inject(APP_CONFIG)`. */
export type ChainSyncConfig = z.output<typeof chainSyncConfigSchema>;
export type SyncConfig = ChainSyncConfig['sync'];
