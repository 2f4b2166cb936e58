import type { Command } from 'commander';
import { Wallet } from '@taonode/wallet';
import { addHotkeyPasswordOptions, hotkeyPassword, type HotkeyPasswordFlags } from './hotkey-password.options';
import {
  addKeyMaterialOptions,
  addOverwriteAndJsonOptions,
  regeneratedKeypair,
  reportKeyWritten,
  type KeyMaterialFlags,
} from './key-writing.shared';
import type { WalletCliDeps } from './wallet-cli.deps';
import { addWalletLocationOptions, resolveWalletLocation, type WalletLocationFlags } from './wallet-location.options';
import { runWalletAction } from './wallet-output';

interface RegenHotkeyFlags extends WalletLocationFlags, HotkeyPasswordFlags, KeyMaterialFlags {
  overwrite?: boolean;
  json?: boolean;
}

/** `taonode wallet regen-hotkey`: rebuild `hotkeys/<name>` + its pub file from a mnemonic or seed. */
export function registerRegenHotkeyCommand(walletCommand: Command, deps: WalletCliDeps): void {
  const command = walletCommand
    .command('regen-hotkey')
    .description('regenerate a hotkey from its mnemonic or seed (unencrypted unless --use-password)');
  addWalletLocationOptions(command, { hotkey: true });
  addKeyMaterialOptions(command);
  addHotkeyPasswordOptions(command);
  addOverwriteAndJsonOptions(command);
  command.action((flags: RegenHotkeyFlags) =>
    runWalletAction(deps, flags.json === true, async (output) => {
      const wallet = new Wallet(resolveWalletLocation(flags, deps.env));
      const keypair = await regeneratedKeypair(flags, deps, 'hotkey');
      await wallet.assertCanWrite('hotkey', flags.overwrite);
      const password = await hotkeyPassword(flags, deps);
      await wallet.writeHotkey(keypair, { password, overwrite: flags.overwrite });
      reportKeyWritten(output, { wallet, kind: 'hotkey', keypair, isEncrypted: password !== null });
    }),
  );
}
