import { chainConfig, chainEnv, parseEnv } from '@taonode/config';
import { DEFAULT_BACKOFF } from './backoff';
import { chainConnectOptions } from './chain-connect-options';
import { resolveEndpoints } from './networks';

describe('chainConnectOptions', () => {
  it('connects a service to the pool its environment names, with the configured reconnect cap', () => {
    const chain = chainConfig(
      parseEnv(chainEnv, { SUBTENSOR_CHAIN_ENDPOINT: 'ws://a:1,ws://b:2', CHAIN_RECONNECT_MAX_DELAY_MS: '500' }),
    );
    const options = chainConnectOptions(chain);
    expect(resolveEndpoints(options).endpoints).toEqual(['ws://a:1', 'ws://b:2']);
    expect(options.backoff).toEqual({ ...DEFAULT_BACKOFF, maxMs: 500 });
  });

  it('keeps the network of a named network', () => {
    const options = chainConnectOptions(chainConfig(parseEnv(chainEnv, { SUBTENSOR_NETWORK: 'test' })));
    expect(resolveEndpoints(options)).toEqual({ endpoints: ['wss://test.finney.opentensor.ai:443'], network: 'test' });
  });
});
