import { thrownBy } from '@taonode/testing';
import {
  InvalidEndpointError,
  isWsEndpoint,
  NETWORK_ENDPOINTS,
  parseEndpointList,
  resolveEndpoints,
} from './subtensor-network';

describe('resolveEndpoints', () => {
  it('defaults to finney like btcli', () => {
    expect(resolveEndpoints()).toEqual({ endpoints: [NETWORK_ENDPOINTS.finney], network: 'finney' });
  });

  it.each([
    ['finney', 'wss://entrypoint-finney.opentensor.ai:443'],
    ['test', 'wss://test.finney.opentensor.ai:443'],
    ['local', 'ws://127.0.0.1:9944'],
    ['devnet', 'ws://127.0.0.1:9944'],
  ])('maps the network name %s to its endpoint', (network, endpoint) => {
    expect(resolveEndpoints({ network })).toEqual({ endpoints: [endpoint], network });
  });

  it('turns a comma list into a pool of that many endpoints, in order', () => {
    expect(resolveEndpoints({ chainEndpoint: 'ws://a:1,wss://b:2/rpc' })).toEqual({
      endpoints: ['ws://a:1', 'wss://b:2/rpc'],
      network: 'custom',
    });
  });

  it('drops blanks and empty entries of a comma list, also in a list of lists', () => {
    expect(resolveEndpoints({ chainEndpoint: [' ws://a:1 , ', 'ws://b:2,,ws://c:3'] }).endpoints).toEqual([
      'ws://a:1',
      'ws://b:2',
      'ws://c:3',
    ]);
  });

  it('lets the endpoints win over the network and keeps a given network name', () => {
    expect(resolveEndpoints({ network: 'test', chainEndpoint: 'ws://127.0.0.1:9955' })).toEqual({
      endpoints: ['ws://127.0.0.1:9955'],
      network: 'test',
    });
  });

  it('names the network of a known endpoint', () => {
    expect(resolveEndpoints({ chainEndpoint: 'wss://entrypoint-finney.opentensor.ai:443' }).network).toBe('finney');
    expect(resolveEndpoints({ network: 'wss://test.finney.opentensor.ai:443' })).toEqual({
      endpoints: ['wss://test.finney.opentensor.ai:443'],
      network: 'test',
    });
  });

  it.each([
    [{ network: 'mainnet' }, /unknown network "mainnet"/],
    [{ network: 'http://127.0.0.1:9944' }, /unknown network/],
    [{ chainEndpoint: 'http://127.0.0.1:9944' }, /not a ws:\/\/ or wss:\/\/ endpoint: http:\/\/127.0.0.1:9944/],
    [{ chainEndpoint: 'ws://a:1,127.0.0.1:9944' }, /not a ws:\/\/ or wss:\/\/ endpoint: 127.0.0.1:9944/],
    [{ chainEndpoint: 'ws://' }, /not a ws:\/\/ or wss:\/\/ endpoint/],
  ])('rejects %j with a typed error', (selection, message) => {
    const error = thrownBy(() => resolveEndpoints(selection));
    expect(error).toBeInstanceOf(InvalidEndpointError);
    expect((error as InvalidEndpointError).code).toBe('TAONODE_CONFIG_INVALID_ENDPOINT');
    expect((error as Error).message).toMatch(message);
  });
});

describe('isWsEndpoint', () => {
  it.each(['ws://127.0.0.1:9944', 'wss://host', 'wss://host:443/path?x=1', 'ws://[::1]:9944'])('accepts %s', (url) => {
    expect(isWsEndpoint(url)).toBe(true);
  });

  it.each(['ws://a:1,ws://b:2', 'http://host:80', 'ws:/host', 'host:9944', 'ws://a b', '', 'ws://'])(
    'refuses %j',
    (text) => {
      expect(isWsEndpoint(text)).toBe(false);
    },
  );
});

describe('parseEndpointList', () => {
  it('gives an empty pool for an empty list', () => {
    expect(parseEndpointList(' , ')).toEqual([]);
  });
});
