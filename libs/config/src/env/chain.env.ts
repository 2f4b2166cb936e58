import { z } from 'zod';
import { commaList, wsUrlVar } from './env-parsers';

/** Network names the SDK and btcli accept for `--subtensor.network`, plus our simulated `devnet`. */
export const SUBTENSOR_NETWORKS = ['finney', 'test', 'local', 'devnet'] as const;

/**
 * Which chain to talk to, named as the Python SDK's flags: `SUBTENSOR_NETWORK` (a name or a ws URL, like
 * `--subtensor.network`), `SUBTENSOR_CHAIN_ENDPOINT` (like `--subtensor.chain_endpoint`), and `CHAIN_WS_URLS`,
 * a comma list that forms an endpoint pool. Explicit endpoints win over the network name; turning a name into
 * URLs is `@taonode/chain`'s `resolveEndpoints`.
 */
export const chainEnv = z.object({
  SUBTENSOR_NETWORK: z.union([z.enum(SUBTENSOR_NETWORKS), wsUrlVar]).default('finney'),
  SUBTENSOR_CHAIN_ENDPOINT: wsUrlVar.optional(),
  CHAIN_WS_URLS: commaList(wsUrlVar).optional(),
});

export interface ChainConfig {
  /** A network name or a ws URL. */
  readonly network: string;
  /** Explicit endpoints, `CHAIN_WS_URLS` first, then `SUBTENSOR_CHAIN_ENDPOINT`; empty when only a network is set. */
  readonly chainEndpoints: readonly string[];
}

export function chainConfig(env: z.output<typeof chainEnv>): ChainConfig {
  const pool = env.CHAIN_WS_URLS ?? [];
  const single = env.SUBTENSOR_CHAIN_ENDPOINT;
  const chainEndpoints = single === undefined || pool.includes(single) ? pool : [...pool, single];
  return { network: env.SUBTENSOR_NETWORK, chainEndpoints };
}
