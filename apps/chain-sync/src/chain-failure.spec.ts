import { ChainError } from '@taonode/chain';
import { ChainFailure, toSyncFailure } from './chain-failure';
import { ChainSyncError } from './chain-sync.error';

describe('toSyncFailure', () => {
  it('keeps the code and kind of a real chain client error', () => {
    const failure = toSyncFailure(new ChainError('TAONODE_CHAIN_BLOCK_NOT_FOUND', 'unknown block'), 'read');
    expect(failure).toBeInstanceOf(ChainFailure);
    expect(failure).toMatchObject({
      code: 'TAONODE_CHAIN_BLOCK_NOT_FOUND',
      kind: 'not-found',
      message: 'read: unknown block',
    });
  });

  it('does not take an error that merely carries a TAONODE_CHAIN_ code for a chain error', () => {
    const imitation = Object.assign(new Error('upstream text'), { code: 'TAONODE_CHAIN_SUBNET_NOT_FOUND' });
    const failure = toSyncFailure(imitation, 'read');
    expect(failure).toBeInstanceOf(ChainSyncError);
    expect(failure).toMatchObject({ code: 'TAONODE_CHAIN_SYNC_UNEXPECTED', kind: 'internal' });
  });
});
