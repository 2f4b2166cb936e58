import { Wallet, type Keypair } from '@taonode/wallet';
import type { CliDeps } from './cli.deps';
import type { PasswordFlags } from './password.options';
import { unlockPassword } from './password.source';
import { resolveWalletLocation, type WalletLocationFlags } from './wallet-location.options';

/** The wallet the `--wallet.*` flags (and `WALLET_*` / `BT_WALLET_*`) point at. */
export function walletFromFlags(flags: WalletLocationFlags, deps: CliDeps): Wallet {
  const location = resolveWalletLocation(flags, deps.env);
  return new Wallet({ name: location.name, hotkey: location.hotkey, path: location.path });
}

/** The coldkey with its secret: asks for the password (file, `BT_PW_…`, terminal) only if it is encrypted. */
export async function unlockColdkey(wallet: Wallet, flags: PasswordFlags, deps: CliDeps): Promise<Keypair> {
  return wallet.getColdkey(unlockPassword(flags, deps, wallet.coldkeyFile));
}

/** The hotkey with its secret (hotkeys are usually plaintext; encrypted ones ask like the coldkey). */
export async function unlockHotkey(wallet: Wallet, flags: PasswordFlags, deps: CliDeps): Promise<Keypair> {
  return wallet.getHotkey(unlockPassword(flags, deps, wallet.hotkeyFile));
}
