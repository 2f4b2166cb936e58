import { ChainError } from '../errors/chain.error';

/** Network names btcli and the SDK accept for `--subtensor.network`. */
export type NetworkName = 'finney' | 'test' | 'local' | 'devnet';

/** Default endpoint of each named network (bittensor SDK `settings.py`, plus our devnet). */
export const NETWORK_ENDPOINTS: Readonly<Record<NetworkName, string>> = {
  finney: 'wss://entrypoint-finney.opentensor.ai:443',
  test: 'wss://test.finney.opentensor.ai:443',
  local: 'ws://127.0.0.1:9944',
  devnet: 'ws://127.0.0.1:9944',
};

export const NETWORK_NAMES: readonly NetworkName[] = ['finney', 'test', 'local', 'devnet'];

export function isNetworkName(value: string): value is NetworkName {
  return (NETWORK_NAMES as readonly string[]).includes(value);
}

export interface EndpointSelection {
  /** A network name, or a `ws://`/`wss://` URL (btcli accepts either for `--subtensor.network`). */
  readonly network?: string;
  /**
   * One endpoint or a comma-separated list (`CHAIN_WS_URLS` style); wins over `network` as btcli's
   * `--subtensor.chain_endpoint` does.
   */
  readonly chainEndpoint?: string | readonly string[];
}

export interface ResolvedEndpoints {
  /** The endpoints of the pool, in the order they are tried. */
  readonly endpoints: readonly string[];
  /** The network name when the endpoints came from one (or match one), else `custom`. */
  readonly network: NetworkName | 'custom';
}

const WS_URL = /^wss?:\/\/[^\s/]+(\/\S*)?$/;

function assertWsUrl(url: string): string {
  if (!WS_URL.test(url)) {
    throw new ChainError('TAONODE_CHAIN_INVALID_ENDPOINT', `not a ws:// or wss:// endpoint: ${url}`);
  }
  return url;
}

function networkOf(endpoint: string): NetworkName | 'custom' {
  const match = NETWORK_NAMES.find((name) => NETWORK_ENDPOINTS[name] === endpoint);
  return match ?? 'custom';
}

/**
 * The endpoint pool for a network selection. Defaults to `finney`, like btcli. Unknown names fail with
 * `TAONODE_CHAIN_INVALID_ENDPOINT`.
 */
export function resolveEndpoints(selection: EndpointSelection = {}): ResolvedEndpoints {
  const explicit =
    typeof selection.chainEndpoint === 'string' ? selection.chainEndpoint.split(',') : (selection.chainEndpoint ?? []);
  const endpoints = explicit.map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  if (endpoints.length > 0) {
    const checked = endpoints.map(assertWsUrl);
    const first = checked[0] ?? '';
    const named = selection.network !== undefined && isNetworkName(selection.network) ? selection.network : undefined;
    return { endpoints: checked, network: named ?? networkOf(first) };
  }
  const network = selection.network?.trim() || 'finney';
  if (isNetworkName(network)) {
    return { endpoints: [NETWORK_ENDPOINTS[network]], network };
  }
  if (network.startsWith('ws://') || network.startsWith('wss://')) {
    const endpoint = assertWsUrl(network);
    return { endpoints: [endpoint], network: networkOf(endpoint) };
  }
  throw new ChainError(
    'TAONODE_CHAIN_INVALID_ENDPOINT',
    `unknown network "${network}": use one of ${NETWORK_NAMES.join(', ')} or a ws:// / wss:// endpoint`,
  );
}
