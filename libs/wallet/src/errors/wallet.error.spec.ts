import { TaonodeError } from '@taonode/errors';
import { isWalletError, WalletError } from './wallet.error';

describe('WalletError in the one error model', () => {
  it.each([
    ['TAONODE_WALLET_WRONG_PASSWORD', 'unauthenticated'],
    ['TAONODE_WALLET_NOT_FOUND', 'not-found'],
    ['TAONODE_WALLET_FILE_EXISTS', 'already-exists'],
    ['TAONODE_WALLET_INVALID_ADDRESS', 'invalid-argument'],
    ['TAONODE_WALLET_IO_ERROR', 'internal'],
  ] as const)('%s is a TaonodeError of kind %s', (code, kind) => {
    const error = new WalletError(code, 'x');
    expect(error).toBeInstanceOf(TaonodeError);
    expect([error.code, error.kind, error.name]).toEqual([code, kind, 'WalletError']);
  });

  it('is recognised by type, not by a WALLET_ code on another error', () => {
    expect(isWalletError(Object.assign(new Error('x'), { code: 'TAONODE_WALLET_NOT_FOUND' }))).toBe(false);
  });
});
