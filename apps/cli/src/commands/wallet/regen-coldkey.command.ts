import type { Command } from 'commander';
import { Wallet } from '@taonode/wallet';
import {
  addKeyMaterialOptions,
  addOverwriteAndJsonOptions,
  regeneratedKeypair,
  reportKeyWritten,
  type KeyMaterialFlags,
} from './key-writing.shared';
import { addNewKeyPasswordOptions, type PasswordFlags } from './password.options';
import { newKeyPassword } from './password.source';
import type { WalletCliDeps } from './wallet-cli.deps';
import { addWalletLocationOptions, resolveWalletLocation, type WalletLocationFlags } from './wallet-location.options';
import { runWalletAction } from './wallet-output';

interface RegenColdkeyFlags extends WalletLocationFlags, PasswordFlags, KeyMaterialFlags {
  overwrite?: boolean;
  json?: boolean;
}

/** `taonode wallet regen-coldkey`: rebuild `coldkey` + `coldkeypub.txt` from a mnemonic or seed. */
export function registerRegenColdkeyCommand(walletCommand: Command, deps: WalletCliDeps): void {
  const command = walletCommand
    .command('regen-coldkey')
    .description('regenerate a coldkey from its mnemonic or seed (encrypted with a password)');
  addWalletLocationOptions(command, { hotkey: false });
  addKeyMaterialOptions(command);
  addNewKeyPasswordOptions(command, 'store the coldkey unencrypted (not recommended)');
  addOverwriteAndJsonOptions(command);
  command.action((flags: RegenColdkeyFlags) =>
    runWalletAction(deps, flags.json === true, async (output) => {
      const wallet = new Wallet(resolveWalletLocation(flags, deps.env));
      // Validate the key material first: a mistyped mnemonic should fail before any password prompt.
      const keypair = await regeneratedKeypair(flags, deps, 'coldkey');
      await wallet.assertCanWrite('coldkey', flags.overwrite);
      const password = await newKeyPassword(flags, deps, 'coldkey');
      await wallet.writeColdkey(keypair, { password, overwrite: flags.overwrite });
      reportKeyWritten(output, { wallet, kind: 'coldkey', keypair, isEncrypted: password !== null });
    }),
  );
}
