import { resolveWalletLocation } from './wallet-location.options';

describe('resolveWalletLocation', () => {
  it('uses btcli defaults', () => {
    expect(resolveWalletLocation({}, {})).toEqual({ name: 'default', hotkey: 'default', path: '~/.bittensor/wallets' });
  });

  it('prefers flags, then WALLET_*, then BT_WALLET_*', () => {
    const env = { WALLET_NAME: 'env-name', BT_WALLET_NAME: 'bt-name', BT_WALLET_HOTKEY: 'bt-hot', WALLET_PATH: '/env' };
    expect(resolveWalletLocation({ 'wallet.name': 'flag' }, env)).toEqual({
      name: 'flag',
      hotkey: 'bt-hot',
      path: '/env',
    });
    expect(resolveWalletLocation({}, env).name).toBe('env-name');
  });

  it('accepts the btcli dash spellings and ignores empty values', () => {
    expect(resolveWalletLocation({ walletHotkey: 'dash', walletPath: '' }, { BT_WALLET_PATH: '/bt' })).toMatchObject({
      hotkey: 'dash',
      path: '/bt',
    });
  });
});
