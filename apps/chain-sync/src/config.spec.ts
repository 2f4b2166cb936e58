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

  it('follows every distinct netuid listed', () => {
    expect(chainSyncConfigSchema.parse({ NETUIDS: '3, 1,3' }).sync.netuids).toEqual([3, 1]);
  });
});
