import { z } from 'zod';
import {
  isNetworkName,
  isWsEndpoint,
  NETWORK_NAMES,
  parseEndpointList,
  resolveEndpoints,
  type NetworkName,
} from '../network/subtensor-network';

/** Network names the SDK and btcli accept for `--subtensor.network`, plus our simulated `devnet`. */
export const SUBTENSOR_NETWORKS = NETWORK_NAMES;

/**
 * An endpoint pool from a comma list, split and checked by the CLI's parser. Messages never echo the value
 * (an endpoint URL may carry credentials).
 */
const endpointListVar = z.string().transform((value, ctx) => {
  if (!value.split(',').every((entry) => entry.trim() === '' || isWsEndpoint(entry.trim()))) {
    ctx.addIssue({ code: 'custom', message: 'expected ws:// or wss:// URLs, comma-separated' });
    return z.NEVER;
  }
  return parseEndpointList(value);
});

/**
 * Which chain to talk to, named as the Python SDK's flags: `SUBTENSOR_NETWORK` (a name or a ws URL, like
 * `--subtensor.network`), `SUBTENSOR_CHAIN_ENDPOINT` (like `--subtensor.chain_endpoint`; a comma list is a pool,
 * as on the CLI), and `CHAIN_WS_URLS`, another comma list. Explicit endpoints win over the network name. The
 * parser is the CLI's: `resolveEndpoints`.
 */
export const chainEnv = z.object({
  SUBTENSOR_NETWORK: z
    .string()
    .trim()
    .refine((value) => isNetworkName(value) || isWsEndpoint(value), {
      message: `expected ${NETWORK_NAMES.join(', ')} or a ws:// / wss:// URL`,
    })
    .optional(),
  SUBTENSOR_CHAIN_ENDPOINT: endpointListVar.optional(),
  CHAIN_WS_URLS: endpointListVar.optional(),
  /**
   * Longest pause between reconnect attempts (the backoff doubles up to it). It bounds how long a client may
   * sleep after its chain is back, whatever the length of the outage.
   */
  CHAIN_RECONNECT_MAX_DELAY_MS: z.coerce.number().int().min(1).default(30_000),
});

export interface ChainConfig {
  /** A network name or a ws URL, as given; when unset, the network of the pool (`finney` by default). */
  readonly network: string;
  /** Explicit endpoints, `CHAIN_WS_URLS` first, then `SUBTENSOR_CHAIN_ENDPOINT`; empty when only a network is set. */
  readonly chainEndpoints: readonly string[];
  /** The pool to connect to: the explicit endpoints, else the network's. */
  readonly endpoints: readonly string[];
  /** The network the pool belongs to, `custom` for any other endpoint. */
  readonly networkName: NetworkName | 'custom';
  /** Cap of the reconnect backoff, in ms. */
  readonly reconnectMaxDelayMs: number;
}

export function chainConfig(env: z.output<typeof chainEnv>): ChainConfig {
  const pool = env.CHAIN_WS_URLS ?? [];
  const single = (env.SUBTENSOR_CHAIN_ENDPOINT ?? []).filter((endpoint) => !pool.includes(endpoint));
  const chainEndpoints = [...pool, ...single];
  // Unset stays unset for the parser: a pool given only by endpoints is `custom`, not finney's.
  const resolved = resolveEndpoints({ network: env.SUBTENSOR_NETWORK, chainEndpoint: chainEndpoints });
  return {
    network: env.SUBTENSOR_NETWORK ?? resolved.network,
    chainEndpoints,
    endpoints: resolved.endpoints,
    networkName: resolved.network,
    reconnectMaxDelayMs: env.CHAIN_RECONNECT_MAX_DELAY_MS,
  };
}
