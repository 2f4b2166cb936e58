import { startChainSyncProcess, startServiceProcess, type ServiceProcessContext } from '../../cli/service-processes';
import type { NodeSettings } from './node-settings';

/** The services of a running node: name → ops base URL (`/health`, `/ready`, `/metrics`). */
export type NodeOpsUrls = Readonly<Record<string, string>>;

/** What every service of a real-network node gets: its chain, Redis, subnet, wallet and log level. */
export function nodeCommonEnv(settings: NodeSettings, redisUrl: string): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    SUBTENSOR_CHAIN_ENDPOINT: settings.chainEndpoints.join(','),
    NETUID: String(settings.netuid),
    WALLET_PATH: settings.wallet.path,
    WALLET_NAME: settings.wallet.name,
    WALLET_HOTKEY: settings.wallet.hotkey,
    LOG_LEVEL: settings.logLevel,
    NODE_ENV: 'production',
  };
}

/**
 * chain-sync, then the inference workers, then the role's services: the miner's axon gateway (on all interfaces,
 * without AXON_EXTERNAL_IP: the preflight already announced the address), the validator's scorer and weight-setter.
 * `hotkeyPasswordEnv` (an encrypted hotkey's `BT_PW_…` variable, or nothing) reaches only those three: they load
 * and sign with the hotkey; chain-sync and the workers never see it.
 */
export async function startRoleServices(
  ctx: ServiceProcessContext,
  settings: NodeSettings,
  hotkeyPasswordEnv: Readonly<Record<string, string>> = {},
): Promise<NodeOpsUrls> {
  const chainSync = await startChainSyncProcess(ctx, { netuid: settings.netuid });
  const env: ServiceProcessContext = {
    ...ctx,
    commonEnv: { ...ctx.commonEnv, METAGRAPH_GRPC_URL: chainSync.grpcAddress },
  };
  const opsUrls: Record<string, string> = { 'chain-sync': chainSync.opsUrl };
  const isMiner = settings.roles.includes('miner');
  const isValidator = settings.roles.includes('validator');
  // A validator alone needs one worker for its reference answers; a miner serves with --workers.
  const workers = isMiner ? settings.workers : 1;
  const workerUrls = await Promise.all(
    Array.from({ length: workers }, (_, index) =>
      startServiceProcess(env, `inference-worker-${index + 1}`, 'inference-worker', {}),
    ),
  );
  workerUrls.forEach((url, index) => (opsUrls[`inference-worker-${index + 1}`] = url));
  if (isMiner) {
    opsUrls['axon-gateway'] = await startServiceProcess(
      env,
      'axon-gateway',
      'axon-gateway',
      { ...hotkeyPasswordEnv, AXON_HOST: '0.0.0.0', AXON_PORT: String(settings.axonPort) },
      [settings.axonPort],
    );
  }
  if (isValidator) {
    const [scorer, weightSetter] = await Promise.all([
      startServiceProcess(env, 'validator-scorer', 'validator-scorer', { ...hotkeyPasswordEnv }),
      startServiceProcess(env, 'weight-setter', 'weight-setter', {
        ...hotkeyPasswordEnv,
        METAGRAPH_GRPC_URL: chainSync.grpcAddress,
      }),
    ]);
    opsUrls['validator-scorer'] = scorer;
    opsUrls['weight-setter'] = weightSetter;
  }
  return opsUrls;
}
