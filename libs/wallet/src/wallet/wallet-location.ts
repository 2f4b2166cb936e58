import { homedir } from 'node:os';
import * as path from 'node:path';
import { WalletError } from '../errors/wallet.error';

/** btcli / btwallet defaults (protocol.md §7.1). */
export const DEFAULT_WALLET_PATH = '~/.bittensor/wallets';
export const DEFAULT_WALLET_NAME = 'default';
export const DEFAULT_HOTKEY_NAME = 'default';

/** File and folder names of the layout. */
export const COLDKEY_FILE = 'coldkey';
export const COLDKEYPUB_FILE = 'coldkeypub.txt';
export const HOTKEYS_DIRECTORY = 'hotkeys';
export const PUBLIC_KEYFILE_SUFFIX = 'pub.txt';

/** `~` and `~/…` → the home directory, as btwallet's `expand_tilde`; other paths unchanged. */
export function expandHome(value: string, homeDirectory: string = homedir()): string {
  if (value === '~') {
    return homeDirectory;
  }
  if (value.startsWith('~/')) {
    return path.join(homeDirectory, value.slice(2));
  }
  return value;
}

/**
 * Wallet and hotkey names become file names: refuse anything that would escape the wallet folder or
 * collide with the layout (`/`, backslash, `.`/`..`, empty, NUL, hotkeys ending in `pub.txt`).
 */
export function assertValidKeyName(name: string, what: 'wallet' | 'hotkey'): void {
  const unsafe = name === '' || name === '.' || name === '..' || /[/\\\0]/u.test(name);
  // A hotkey called "xpub.txt" would be mistaken for the public file of hotkey "x" by every lister.
  if (unsafe || (what === 'hotkey' && name.endsWith(PUBLIC_KEYFILE_SUFFIX))) {
    throw new WalletError('TAONODE_WALLET_INVALID_NAME', `invalid ${what} name "${name}"`);
  }
}
