import type { Command } from 'commander';
import { Keypair, Wallet, type MnemonicWordCount } from '@taonode/wallet';
import { addHotkeyPasswordOptions, hotkeyPassword, type HotkeyPasswordFlags } from './hotkey-password.options';
import { addOverwriteAndJsonOptions, addWordCountOption, reportKeyWritten } from './key-writing.shared';
import type { WalletCliDeps } from './wallet-cli.deps';
import { addWalletLocationOptions, resolveWalletLocation, type WalletLocationFlags } from './wallet-location.options';
import { runWalletAction } from './wallet-output';

interface NewHotkeyFlags extends WalletLocationFlags, HotkeyPasswordFlags {
  nWords: MnemonicWordCount;
  overwrite?: boolean;
  json?: boolean;
}

/** `taonode wallet new-hotkey`: fresh mnemonic → `hotkeys/<name>` + `hotkeys/<name>pub.txt` (btcli `w new_hotkey`). */
export function registerNewHotkeyCommand(walletCommand: Command, deps: WalletCliDeps): void {
  const command = walletCommand
    .command('new-hotkey')
    .description('create a hotkey from a new mnemonic (unencrypted unless --use-password) and its pub file');
  addWalletLocationOptions(command, { hotkey: true });
  addHotkeyPasswordOptions(command);
  addWordCountOption(command);
  addOverwriteAndJsonOptions(command);
  command.action((flags: NewHotkeyFlags) =>
    runWalletAction(deps, flags.json === true, async (output) => {
      const wallet = new Wallet(resolveWalletLocation(flags, deps.env));
      await wallet.assertCanWrite('hotkey', flags.overwrite);
      const password = await hotkeyPassword(flags, deps);
      const mnemonic = Keypair.generateMnemonic(flags.nWords);
      const keypair = Keypair.fromMnemonic(mnemonic);
      await wallet.writeHotkey(keypair, { password, overwrite: flags.overwrite });
      reportKeyWritten(output, { wallet, kind: 'hotkey', keypair, isEncrypted: password !== null, mnemonic });
    }),
  );
}
