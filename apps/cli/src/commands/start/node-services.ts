import type { ProcessSupervisor } from '@taonode/process';
import { SERVICE_READY_TIMEOUT_MS, startServiceProcess } from '../../cli/service-processes';

export { SERVICE_READY_TIMEOUT_MS };
/** The address the local miner is announced at: the chain refuses exactly 127.0.0.1, not the rest of 127/8. */
export const LOCAL_AXON_IP = '127.0.0.2';
/** Inference workers the local node runs (the miner path scales by adding more). */
export const LOCAL_WORKERS = 2;

/** Where the node's services are, once started. */
export interface NodeServices {
  /** Name → ops base URL (`/metrics`, `/health`, `/ready`) of every service started here. */
  readonly opsUrls: Readonly<Record<string, string>>;
  readonly axonUrl: string;
}

export interface NodeServicesContext {
  readonly supervisor: ProcessSupervisor;
  readonly logFile: (name: string) => string;
  readonly redisUrl: string;
  readonly chainEndpoint: string;
  readonly metagraphGrpcUrl: string;
  readonly netuid: number;
  readonly walletPath: string;
  readonly axonPort: number;
  readonly blockTimeMs: number;
  readonly progress: (line: string) => void;
}

/** What every service of the node gets: its chain, Redis, subnet, quiet production logging. */
function commonEnv(ctx: NodeServicesContext): Record<string, string> {
  return {
    REDIS_URL: ctx.redisUrl,
    SUBTENSOR_CHAIN_ENDPOINT: ctx.chainEndpoint,
    METAGRAPH_GRPC_URL: ctx.metagraphGrpcUrl,
    NETUID: String(ctx.netuid),
    WALLET_PATH: ctx.walletPath,
    WALLET_HOTKEY: 'default',
    OPS_HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
  };
}

/** Starts `apps/<app>` as `name` and resolves once its `/ready` answers (the shared service starter). */
function startService(
  ctx: NodeServicesContext,
  name: string,
  app: string,
  env: Record<string, string>,
  ports: readonly number[] = [],
): Promise<string> {
  return startServiceProcess(
    { supervisor: ctx.supervisor, logFile: ctx.logFile, commonEnv: commonEnv(ctx) },
    name,
    app,
    env,
    ports,
  );
}

/**
 * The miner and validator services of the local node, after chain-sync and the dev neurons: the inference workers
 * first (the gateway's and the scorer's jobs need them), then the axon gateway on all interfaces (announced at
 * 127.0.0.2), then the validator's scorer and weight-setter. All started in parallel where nothing waits on them.
 */
export async function startNodeServices(ctx: NodeServicesContext): Promise<NodeServices> {
  const opsUrls: Record<string, string> = {};
  const workers = await Promise.all(
    Array.from({ length: LOCAL_WORKERS }, (_, index) =>
      startService(ctx, `inference-worker-${index + 1}`, 'inference-worker', {}),
    ),
  );
  workers.forEach((url, index) => (opsUrls[`inference-worker-${index + 1}`] = url));
  ctx.progress(`workers   ${LOCAL_WORKERS} inference workers (embedded onnxruntime)`);

  opsUrls['axon-gateway'] = await startService(
    ctx,
    'axon-gateway',
    'axon-gateway',
    {
      WALLET_NAME: 'miner',
      AXON_HOST: '0.0.0.0',
      AXON_PORT: String(ctx.axonPort),
      AXON_EXTERNAL_IP: LOCAL_AXON_IP,
    },
    [ctx.axonPort],
  );
  const axonUrl = `http://${LOCAL_AXON_IP}:${ctx.axonPort}`;
  ctx.progress(`axon      listening on 0.0.0.0:${ctx.axonPort}, announced at ${LOCAL_AXON_IP}:${ctx.axonPort}`);

  const [scorer, weightSetter] = await Promise.all([
    startService(ctx, 'validator-scorer', 'validator-scorer', {
      WALLET_NAME: 'validator',
      // A round every few blocks: with fast devnet blocks the validator loop is visible within seconds.
      SCORER_ROUND_INTERVAL_BLOCKS: String(Math.max(1, Math.round(2_000 / ctx.blockTimeMs))),
      SCORER_EXTERNAL_IP: '127.0.0.1',
    }),
    startService(ctx, 'weight-setter', 'weight-setter', {
      WALLET_NAME: 'validator',
    }),
  ]);
  opsUrls['validator-scorer'] = scorer;
  opsUrls['weight-setter'] = weightSetter;
  ctx.progress('validator scorer and weight-setter running');
  return { opsUrls, axonUrl };
}
