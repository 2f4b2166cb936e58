import { Wallet, type Keypair } from '@taonode/wallet';
import type { PasswordFlags } from '../wallet/password.options';
import { unlockPassword } from '../wallet/password.source';
import type { WalletCliDeps } from '../wallet/wallet-cli.deps';
import { resolveWalletLocation, type WalletLocationFlags } from '../wallet/wallet-location.options';

/** The wallet the `--wallet.*` flags (and `WALLET_*` / `BT_WALLET_*`) point at. */
export function walletFromFlags(flags: WalletLocationFlags, deps: WalletCliDeps): Wallet {
  const location = resolveWalletLocation(flags, deps.env);
  return new Wallet({ name: location.name, hotkey: location.hotkey, path: location.path });
}

/** The coldkey with its secret: asks for the password (file, `BT_PW_…`, terminal) only if it is encrypted. */
export async function unlockColdkey(wallet: Wallet, flags: PasswordFlags, deps: WalletCliDeps): Promise<Keypair> {
  return wallet.getColdkey(unlockPassword(flags, deps, wallet.coldkeyFile));
}

/** The hotkey with its secret (hotkeys are usually plaintext; encrypted ones ask like the coldkey). */
export async function unlockHotkey(wallet: Wallet, flags: PasswordFlags, deps: WalletCliDeps): Promise<Keypair> {
  return wallet.getHotkey(unlockPassword(flags, deps, wallet.hotkeyFile));
}
