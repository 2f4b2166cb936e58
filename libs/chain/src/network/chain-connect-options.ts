import type { ChainConfig } from '@taonode/config';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { EndpointSelection } from './networks';

/** What a service's parsed chain configuration says about connecting: the pool and the reconnect backoff. */
export interface ChainConnectOptions extends EndpointSelection {
  readonly backoff: BackoffPolicy;
}

/**
 * `ChainClient.connect` options from a service's `ChainConfig` (`@taonode/config`), so every service connects to
 * the pool the one endpoint parser resolved, with the configured reconnect cap.
 */
export function chainConnectOptions(chain: ChainConfig): ChainConnectOptions {
  return {
    network: chain.network,
    chainEndpoint: chain.endpoints,
    backoff: { ...DEFAULT_BACKOFF, maxMs: chain.reconnectMaxDelayMs },
  };
}
