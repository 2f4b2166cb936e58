import { TaonodeError } from '@taonode/errors';

/** Network names btcli and the SDK accept for `--subtensor.network`, plus our simulated `devnet`. */
export const NETWORK_NAMES = ['finney', 'test', 'local', 'devnet'] as const;

export type NetworkName = (typeof NETWORK_NAMES)[number];

/** Default endpoint of each named network (bittensor SDK `settings.py`, plus our devnet). */
export const NETWORK_ENDPOINTS: Readonly<Record<NetworkName, string>> = {
  finney: 'wss://entrypoint-finney.opentensor.ai:443',
  test: 'wss://test.finney.opentensor.ai:443',
  local: 'ws://127.0.0.1:9944',
  devnet: 'ws://127.0.0.1:9944',
};

/** What an operator chose, from flags or environment, before it is checked. */
export interface EndpointSelection {
  /** A network name, or a `ws://`/`wss://` URL (btcli accepts either for `--subtensor.network`). */
  readonly network?: string;
  /**
   * One endpoint, a comma-separated list, or a list: the pool. Wins over `network`, as btcli's
   * `--subtensor.chain_endpoint` does.
   */
  readonly chainEndpoint?: string | readonly string[];
}

export interface ResolvedEndpoints {
  /** The endpoints of the pool, in the order they are tried. */
  readonly endpoints: readonly string[];
  /** The network name when one was given or the first endpoint is a network's, else `custom`. */
  readonly network: NetworkName | 'custom';
}

/** An unknown network name or an endpoint that is not a `ws://`/`wss://` URL. */
export class InvalidEndpointError extends TaonodeError {
  readonly code = 'TAONODE_CONFIG_INVALID_ENDPOINT';
  readonly kind = 'invalid-argument';
}

export function isNetworkName(value: string): value is NetworkName {
  return (NETWORK_NAMES as readonly string[]).includes(value);
}

/**
 * Whether `text` is one websocket endpoint: a `ws:` or `wss:` URL with a host. Commas and blanks are refused, so
 * a list can never pass as one (odd) endpoint.
 */
export function isWsEndpoint(text: string): boolean {
  // The WHATWG parser would also take `ws:/host`; operators type the two slashes, so require them.
  if (/[\s,]/.test(text) || !/^wss?:\/\//.test(text)) {
    return false;
  }
  if (!URL.canParse(text)) {
    return false;
  }
  const url = new URL(text);
  return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname.length > 0;
}

/** The endpoints of a comma-separated list (or a list of such lists); blanks and empty entries are dropped. */
export function parseEndpointList(value: string | readonly string[]): string[] {
  const entries = (typeof value === 'string' ? [value] : value)
    .flatMap((item) => item.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  for (const entry of entries) {
    if (!isWsEndpoint(entry)) {
      throw new InvalidEndpointError(`not a ws:// or wss:// endpoint: ${entry}`);
    }
  }
  return entries;
}

function networkOf(endpoint: string): NetworkName | 'custom' {
  return NETWORK_NAMES.find((name) => NETWORK_ENDPOINTS[name] === endpoint) ?? 'custom';
}

/**
 * The endpoint pool for a selection, the one parser of network and endpoint flags and environment for the CLI and
 * every service. Explicit endpoints win over the network; with neither, `finney`, like btcli. Fails with
 * {@link InvalidEndpointError} for an unknown name or a non-websocket URL.
 */
export function resolveEndpoints(selection: EndpointSelection = {}): ResolvedEndpoints {
  const endpoints = parseEndpointList(selection.chainEndpoint ?? []);
  const network = selection.network?.trim() || 'finney';
  if (endpoints.length > 0) {
    const named = selection.network?.trim() ?? '';
    return { endpoints, network: isNetworkName(named) ? named : networkOf(endpoints[0] ?? '') };
  }
  if (isNetworkName(network)) {
    return { endpoints: [NETWORK_ENDPOINTS[network]], network };
  }
  if (isWsEndpoint(network)) {
    return { endpoints: [network], network: networkOf(network) };
  }
  throw new InvalidEndpointError(
    `unknown network "${network}": use one of ${NETWORK_NAMES.join(', ')} or a ws:// / wss:// endpoint`,
  );
}
