import { chainSyncConfigSchema } from './config';

describe('chain-sync configuration', () => {
  it('reads metagraphs through the runtime API where offered unless told otherwise', () => {
    expect(chainSyncConfigSchema.parse({}).sync.metagraphSource).toBe('auto');
    expect(chainSyncConfigSchema.parse({ CHAIN_SYNC_METAGRAPH_SOURCE: 'storage' }).sync.metagraphSource).toBe(
      'storage',
    );
  });

  it('refuses a metagraph source it does not know', () => {
    expect(() => chainSyncConfigSchema.parse({ CHAIN_SYNC_METAGRAPH_SOURCE: 'rpc' })).toThrow();
  });

  it('binds its gRPC and ops servers to loopback unless told to listen elsewhere', () => {
    const defaults = chainSyncConfigSchema.parse({});
    expect(defaults.grpc.url).toBe('127.0.0.1:50051');
    expect(defaults.ops.host).toBe('127.0.0.1');
    const exposed = chainSyncConfigSchema.parse({ GRPC_HOST: '0.0.0.0', OPS_HOST: '0.0.0.0' });
    expect(exposed.grpc.url).toBe('0.0.0.0:50051');
    expect(exposed.ops.host).toBe('0.0.0.0');
  });

  it('bounds on-demand metagraph reads by default', () => {
    expect(chainSyncConfigSchema.parse({}).sync.liveReads).toEqual({ cacheSize: 16, maxConcurrent: 4 });
    expect(() => chainSyncConfigSchema.parse({ CHAIN_SYNC_LIVE_READ_CONCURRENCY: '0' })).toThrow();
  });

  it('follows every distinct netuid listed', () => {
    expect(chainSyncConfigSchema.parse({ NETUIDS: '3, 1,3' }).sync.netuids).toEqual([3, 1]);
  });
});
