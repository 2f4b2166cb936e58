import { z } from 'zod';
import {
  chainConfig,
  chainEnv,
  commaList,
  logConfig,
  logEnv,
  metagraphClientConfig,
  metagraphClientEnv,
  opsConfig,
  opsEnv,
  portVar,
  redisConfig,
  redisEnv,
  walletConfig,
  walletEnv,
} from '@taonode/config';

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);
const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const SS58 = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{46,48}$/, 'expected SS58 addresses');

/** axon-gateway's own variables; defaults live here and nowhere else. */
const gatewayEnv = z.object({
  /** Public port of the axon (the SDK's `--axon.port`, 8091). */
  AXON_PORT: portVar.default(8091),
  /** Listening address: all interfaces, like the Python axon (it binds 0.0.0.0). */
  AXON_HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** Announced on chain with `serve_axon` at start when set (`127.0.0.2` for a local node; never 127.0.0.1). */
  AXON_EXTERNAL_IP: z.string().trim().min(1).optional(),
  /** Announced port; defaults to `AXON_PORT`. */
  AXON_EXTERNAL_PORT: portVar.optional(),
  NETUID: z.coerce.number().int().min(0).max(65535).default(1),
  /** Callers need at least this stake (TAO, as the SDK's `min_stake` flags use). */
  AXON_MIN_STAKE_TAO: z.coerce.number().min(0).default(0),
  /** Only callers holding a validator permit are served. */
  AXON_REQUIRE_VALIDATOR_PERMIT: flag.default(false),
  /** Hotkeys always served (skip the registration and stake checks; still verified). */
  AXON_ALLOW_HOTKEYS: commaList(SS58).default([]),
  /** Hotkeys never served. */
  AXON_DENY_HOTKEYS: commaList(SS58).default([]),
  /**
   * Per-IP token bucket: sustained requests per second (fractions allowed) and burst. Defaults let one validator
   * send 20,000/s, four times what a registered, staked validator may need (5,000/s).
   */
  AXON_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().max(10_000_000).default(20_000),
  AXON_RATE_LIMIT_BURST: positiveInt(10_000_000).default(40_000),
  /**
   * `shared`: one bucket per IP in Redis for every replica on that Redis (checked in the nonce script, no extra
   * round trip), behind a per-replica bucket in memory that keeps floods away from Redis. `replica`: the in-memory
   * bucket alone, each replica enforcing the limit on its own.
   */
  AXON_RATE_LIMIT_SCOPE: z.enum(['shared', 'replica']).default('shared'),
  /** Largest request body (bytes); larger → 413 before it is read. */
  AXON_MAX_BODY_BYTES: positiveInt(64 * 1024 * 1024).default(1024 * 1024),
  /** Slow-client cut-offs: whole head within, whole request within, idle keep-alive connections closed after. */
  AXON_HEADERS_TIMEOUT_MS: positiveInt(600_000).default(5_000),
  AXON_REQUEST_TIMEOUT_MS: positiveInt(600_000).default(15_000),
  AXON_KEEP_ALIVE_TIMEOUT_MS: positiveInt(600_000).default(30_000),
  /**
   * Open connections per client IP and in all; a new connection past either is closed at once. A Python dendrite
   * holds one connection per request in flight (aiohttp's pool), so 256 covers a validator querying this axon
   * with 256 requests at once; the total stays under the usual 65,536 file descriptors.
   */
  AXON_MAX_CONNECTIONS_PER_IP: positiveInt(1_000_000).default(256),
  AXON_MAX_CONNECTIONS: positiveInt(1_000_000).default(16_384),
  /**
   * An address that sent a request with a missing, malformed or wrong signature stays suspect this long after its
   * last one: its unproven claims are admitted under half of the in-flight slots instead of three quarters
   * (docs/axon-gateway.md, load shedding). A validator's wallet never sends one.
   */
  AXON_FORGERY_SUSPECT_SECONDS: z.coerce.number().positive().max(86_400).default(60),
  /** Requests in flight (admitted, not yet answered) beyond which callers are shed, lowest stake first. */
  AXON_MAX_IN_FLIGHT: positiveInt(1_000_000).default(4_096),
  /** Signature verification threads. */
  AXON_VERIFY_THREADS: positiveInt(64).default(1),
  /**
   * Most non-streaming requests of one priority sent to the workers as one `synapse-batch` job when their checks
   * finish in the same turn of the event loop (1: one job per request).
   */
  AXON_QUEUE_BATCH_MAX: positiveInt(1024).default(16),
  /** Synapse timeout used when a request sends none (the SDK's default is 12 s). */
  AXON_DEFAULT_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(12),
});

export const gatewayConfigSchema = gatewayEnv
  .extend(redisEnv.shape)
  .extend(chainEnv.shape)
  .extend(opsEnv.shape)
  .extend(logEnv.shape)
  // The miner's wallet (btcli layout; the hotkey file is plaintext, as btcli writes hotkeys) and chain-sync's address.
  .extend(walletEnv.shape)
  .extend(metagraphClientEnv.shape)
  .transform((env) => ({
    redis: redisConfig(env),
    chain: chainConfig(env),
    ops: opsConfig(env),
    log: logConfig(env),
    netuid: env.NETUID,
    wallet: walletConfig(env),
    metagraphGrpcUrl: metagraphClientConfig(env).url,
    http: {
      port: env.AXON_PORT,
      host: env.AXON_HOST,
      maxBodyBytes: env.AXON_MAX_BODY_BYTES,
      headersTimeoutMs: env.AXON_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: env.AXON_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.AXON_KEEP_ALIVE_TIMEOUT_MS,
      maxConnectionsPerIp: env.AXON_MAX_CONNECTIONS_PER_IP,
      maxConnections: env.AXON_MAX_CONNECTIONS,
    },
    serve:
      env.AXON_EXTERNAL_IP === undefined
        ? null
        : { ip: env.AXON_EXTERNAL_IP, port: env.AXON_EXTERNAL_PORT ?? env.AXON_PORT },
    policy: {
      minStakeRao: BigInt(Math.round(env.AXON_MIN_STAKE_TAO * 1e9)),
      requireValidatorPermit: env.AXON_REQUIRE_VALIDATOR_PERMIT,
      allow: new Set(env.AXON_ALLOW_HOTKEYS),
      deny: new Set(env.AXON_DENY_HOTKEYS),
    },
    rateLimit: {
      perSecond: env.AXON_RATE_LIMIT_PER_SECOND,
      burst: env.AXON_RATE_LIMIT_BURST,
      scope: env.AXON_RATE_LIMIT_SCOPE,
    },
    forgerySuspectMs: env.AXON_FORGERY_SUSPECT_SECONDS * 1000,
    maxInFlight: env.AXON_MAX_IN_FLIGHT,
    verifyThreads: env.AXON_VERIFY_THREADS,
    queueBatchMax: env.AXON_QUEUE_BATCH_MAX,
    defaultTimeoutSeconds: env.AXON_DEFAULT_TIMEOUT_SECONDS,
  }));

/** axon-gateway's parsed configuration, injected with `@Inject(APP_CONFIG)`. */
export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
export type CallerPolicy = GatewayConfig['policy'];
