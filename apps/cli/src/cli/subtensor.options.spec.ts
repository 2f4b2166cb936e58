import { chainConfig, chainEnv, parseEnv, resolveEndpoints } from '@taonode/config';
import { resolveEndpointSelection } from './subtensor.options';

describe('resolveEndpointSelection', () => {
  it('gives the CLI the same pool the services read from the same environment', () => {
    const env = { SUBTENSOR_CHAIN_ENDPOINT: 'ws://a:1,ws://b:2' };
    const cli = resolveEndpoints(resolveEndpointSelection({}, env));
    const service = chainConfig(parseEnv(chainEnv, env));
    expect(cli.endpoints).toEqual(['ws://a:1', 'ws://b:2']);
    expect(service.endpoints).toEqual(cli.endpoints);
    expect(service.networkName).toBe(cli.network);
  });

  it('prefers the flag, then SUBTENSOR_*, then btcli BT_SUBTENSOR_*', () => {
    const env = { SUBTENSOR_NETWORK: 'test', BT_SUBTENSOR_NETWORK: 'local', BT_SUBTENSOR_CHAIN_ENDPOINT: 'ws://bt:1' };
    expect(resolveEndpointSelection({ 'subtensor.network': 'devnet' }, env).network).toBe('devnet');
    expect(resolveEndpointSelection({}, env)).toEqual({ network: 'test', chainEndpoint: 'ws://bt:1' });
    expect(resolveEndpointSelection({ chain: 'ws://flag:2' }, env).chainEndpoint).toBe('ws://flag:2');
  });
});
