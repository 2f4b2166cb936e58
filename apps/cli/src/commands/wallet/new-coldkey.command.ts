import type { Command } from 'commander';
import { Keypair, Wallet, type MnemonicWordCount } from '@taonode/wallet';
import { addOverwriteAndJsonOptions, addWordCountOption, reportKeyWritten } from './key-writing.shared';
import { addNewKeyPasswordOptions, type PasswordFlags } from './password.options';
import { newKeyPassword } from './password.source';
import type { WalletCliDeps } from './wallet-cli.deps';
import { addWalletLocationOptions, resolveWalletLocation, type WalletLocationFlags } from './wallet-location.options';
import { runWalletAction } from './wallet-output';

interface NewColdkeyFlags extends WalletLocationFlags, PasswordFlags {
  nWords: MnemonicWordCount;
  overwrite?: boolean;
  json?: boolean;
}

/** `taonode wallet new-coldkey`: fresh mnemonic → encrypted `coldkey` + `coldkeypub.txt` (btcli `w new_coldkey`). */
export function registerNewColdkeyCommand(walletCommand: Command, deps: WalletCliDeps): void {
  const command = walletCommand
    .command('new-coldkey')
    .description('create a coldkey from a new mnemonic (encrypted with a password) and its coldkeypub.txt');
  addWalletLocationOptions(command, { hotkey: false });
  addNewKeyPasswordOptions(command, 'store the coldkey unencrypted (not recommended)');
  addWordCountOption(command);
  addOverwriteAndJsonOptions(command);
  command.action((flags: NewColdkeyFlags) =>
    runWalletAction(deps, flags.json === true, async (output) => {
      const wallet = new Wallet(resolveWalletLocation(flags, deps.env));
      // Refuse before asking for a password or spending 5 s on Argon2.
      await wallet.assertCanWrite('coldkey', flags.overwrite);
      const password = await newKeyPassword(flags, deps, 'coldkey');
      const mnemonic = Keypair.generateMnemonic(flags.nWords);
      const keypair = Keypair.fromMnemonic(mnemonic);
      await wallet.writeColdkey(keypair, { password, overwrite: flags.overwrite });
      reportKeyWritten(output, { wallet, kind: 'coldkey', keypair, isEncrypted: password !== null, mnemonic });
    }),
  );
}
