import { z } from 'zod';
import { redisEnv } from './env/redis.env';
import { serviceConfig, serviceEnv } from './env/service.env';
import { InvalidEnvironmentError, parseEnv } from './parse-env';

const schema = serviceEnv.transform(serviceConfig);

describe('parseEnv with the shared fragments', () => {
  it('applies the documented defaults when nothing is set', () => {
    expect(parseEnv(schema, {})).toEqual({
      redis: { url: 'redis://127.0.0.1:6379' },
      grpc: { host: '127.0.0.1', port: 50051, url: '127.0.0.1:50051' },
      chain: {
        network: 'finney',
        chainEndpoints: [],
        endpoints: ['wss://entrypoint-finney.opentensor.ai:443'],
        networkName: 'finney',
        reconnectMaxDelayMs: 30_000,
      },
      ops: { host: '127.0.0.1', port: 9464 },
      log: { level: 'info', pretty: false },
    });
  });

  it('coerces ports and splits the endpoint pool, keeping SUBTENSOR_CHAIN_ENDPOINT after CHAIN_WS_URLS', () => {
    const config = parseEnv(schema, {
      GRPC_PORT: '6000',
      OPS_PORT: '0',
      SUBTENSOR_NETWORK: 'devnet',
      CHAIN_WS_URLS: ' ws://a:1 , wss://b:2/rpc ,',
      SUBTENSOR_CHAIN_ENDPOINT: 'ws://c:3',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    });
    expect(config.grpc.url).toBe('127.0.0.1:6000');
    expect(config.ops.port).toBe(0);
    expect(config.chain).toEqual({
      network: 'devnet',
      chainEndpoints: ['ws://a:1', 'wss://b:2/rpc', 'ws://c:3'],
      endpoints: ['ws://a:1', 'wss://b:2/rpc', 'ws://c:3'],
      networkName: 'devnet',
      reconnectMaxDelayMs: 30_000,
    });
    expect(config.log).toEqual({ level: 'warn', pretty: true });
  });

  it('reads a comma list in SUBTENSOR_CHAIN_ENDPOINT as a pool, as the CLI does', () => {
    const { chain } = parseEnv(schema, { SUBTENSOR_CHAIN_ENDPOINT: 'ws://a:1,ws://b:2' });
    expect(chain.endpoints).toEqual(['ws://a:1', 'ws://b:2']);
    expect(chain.chainEndpoints).toEqual(['ws://a:1', 'ws://b:2']);
  });

  it('names the network of a pool given only by endpoints', () => {
    const { chain } = parseEnv(schema, { SUBTENSOR_CHAIN_ENDPOINT: 'ws://127.0.0.1:9944' });
    expect(chain.networkName).toBe('local');
    expect(parseEnv(schema, { CHAIN_WS_URLS: 'ws://a:1' }).chain.endpoints).toEqual(['ws://a:1']);
  });

  it('refuses a SUBTENSOR_CHAIN_ENDPOINT entry that is not a websocket URL', () => {
    expect(() => parseEnv(schema, { SUBTENSOR_CHAIN_ENDPOINT: 'ws://a:1,127.0.0.1:9944' })).toThrow(
      /SUBTENSOR_CHAIN_ENDPOINT: expected ws:\/\/ or wss:\/\/ URLs/,
    );
  });

  it('accepts a ws URL as SUBTENSOR_NETWORK, as btcli does', () => {
    expect(parseEnv(schema, { SUBTENSOR_NETWORK: 'ws://127.0.0.1:9944' }).chain.network).toBe('ws://127.0.0.1:9944');
  });

  it('names every invalid variable in one error without echoing secret-looking values', () => {
    const attempt = () =>
      parseEnv(schema, {
        GRPC_PORT: '70000',
        SUBTENSOR_NETWORK: 'mainnet',
        CHAIN_WS_URLS: 'http://secret-host:1',
        REDIS_URL: 'not-a-url',
      });
    expect(attempt).toThrow(InvalidEnvironmentError);
    expect(attempt).toThrow(/^Invalid environment variables: /);
    let message = '';
    try {
      attempt();
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['GRPC_PORT', 'SUBTENSOR_NETWORK', 'CHAIN_WS_URLS', 'REDIS_URL']) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('secret-host');
  });

  it('works with an app-specific key added to the fragments', () => {
    const app = z.object({ NETUIDS: z.string().default('1') }).extend(redisEnv.shape);
    expect(parseEnv(app, { NETUIDS: '3' })).toEqual({ NETUIDS: '3', REDIS_URL: 'redis://127.0.0.1:6379' });
  });
});
