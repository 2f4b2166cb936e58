import { isChainError } from '../errors/chain.error';
import { NETWORK_ENDPOINTS, resolveEndpoints } from './networks';

describe('resolveEndpoints', () => {
  it('defaults to finney like btcli', () => {
    expect(resolveEndpoints()).toEqual({ endpoints: [NETWORK_ENDPOINTS.finney], network: 'finney' });
  });

  it('maps network names to their endpoints', () => {
    expect(resolveEndpoints({ network: 'test' }).endpoints).toEqual(['wss://test.finney.opentensor.ai:443']);
    expect(resolveEndpoints({ network: 'local' }).endpoints).toEqual(['ws://127.0.0.1:9944']);
  });

  it('lets the chain endpoint win over the network, as --subtensor.chain_endpoint does', () => {
    expect(resolveEndpoints({ network: 'finney', chainEndpoint: 'ws://127.0.0.1:9955' })).toEqual({
      endpoints: ['ws://127.0.0.1:9955'],
      network: 'finney',
    });
  });

  it('accepts a comma-separated pool', () => {
    expect(resolveEndpoints({ chainEndpoint: 'ws://a:1, ws://b:2' }).endpoints).toEqual(['ws://a:1', 'ws://b:2']);
  });

  it('accepts a URL given as the network', () => {
    expect(resolveEndpoints({ network: 'wss://test.finney.opentensor.ai:443' }).network).toBe('test');
  });

  it('rejects unknown names and non-websocket URLs with a stable code', () => {
    for (const selection of [{ network: 'mainnet' }, { chainEndpoint: 'http://127.0.0.1:9944' }]) {
      let caught: unknown;
      try {
        resolveEndpoints(selection);
      } catch (error) {
        caught = error;
      }
      expect(isChainError(caught, 'TAONODE_CHAIN_INVALID_ENDPOINT')).toBe(true);
    }
  });
});
