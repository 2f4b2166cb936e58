import {
  InvalidEndpointError,
  resolveEndpoints as resolveConfiguredEndpoints,
  type EndpointSelection,
  type ResolvedEndpoints,
} from '@taonode/config';
import { ChainError } from '../errors/chain.error';

// The names, their endpoints and the parser live in @taonode/config, the one home the CLI and the services share.
export {
  isNetworkName,
  NETWORK_ENDPOINTS,
  NETWORK_NAMES,
  type EndpointSelection,
  type NetworkName,
  type ResolvedEndpoints,
} from '@taonode/config';

/**
 * The endpoint pool for a network selection (`@taonode/config`'s parser). Defaults to `finney`, like btcli.
 * Unknown names and non-websocket URLs fail with `TAONODE_CHAIN_INVALID_ENDPOINT`, the code chain callers handle.
 */
export function resolveEndpoints(selection: EndpointSelection = {}): ResolvedEndpoints {
  try {
    return resolveConfiguredEndpoints(selection);
  } catch (error) {
    if (error instanceof InvalidEndpointError) {
      throw new ChainError('TAONODE_CHAIN_INVALID_ENDPOINT', error.message, { cause: error });
    }
    throw error;
  }
}
