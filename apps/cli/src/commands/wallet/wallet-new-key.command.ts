import type { Command } from 'commander';
import { Keypair, Wallet, type MnemonicWordCount, type WalletKeyKind } from '@taonode/wallet';
import { runCliAction } from '../../cli/cli-output';
import type { CliDeps } from '../../cli/cli.deps';
import {
  addWalletLocationOptions,
  resolveWalletLocation,
  type WalletLocationFlags,
} from '../../cli/wallet-location.options';
import {
  addKeyPasswordOptions,
  addOverwriteAndJsonOptions,
  addWordCountOption,
  writeWalletKey,
  type KeyWriteFlags,
} from './key-writing.shared';

interface NewKeyFlags extends WalletLocationFlags, KeyWriteFlags {
  nWords: MnemonicWordCount;
  uri?: string;
  json?: boolean;
}

const DESCRIPTIONS: Readonly<Record<WalletKeyKind, string>> = {
  coldkey: 'create a coldkey from a new mnemonic (encrypted with a password) and its coldkeypub.txt',
  hotkey: 'create a hotkey from a new mnemonic (unencrypted unless --use-password) and its pub file',
};

/**
 * `taonode wallet new-coldkey` / `new-hotkey`: fresh mnemonic → encrypted `coldkey` + `coldkeypub.txt`, or
 * `hotkeys/<name>` + `hotkeys/<name>pub.txt` (btcli `w new_coldkey` / `w new_hotkey`).
 */
export function registerNewKeyCommand(walletCommand: Command, deps: CliDeps, kind: WalletKeyKind): void {
  const command = walletCommand.command(`new-${kind}`).description(DESCRIPTIONS[kind]);
  addWalletLocationOptions(command, { hotkey: kind === 'hotkey' });
  addKeyPasswordOptions(command, kind);
  addWordCountOption(command);
  command.option(
    '--uri <name>',
    "a development key instead of a new mnemonic: Alice, Bob, … or //Alice//path (btcli's --uri)",
  );
  addOverwriteAndJsonOptions(command);
  command.action((flags: NewKeyFlags) =>
    runCliAction(deps, flags.json === true, async (output) => {
      const wallet = new Wallet(resolveWalletLocation(flags, deps.env));
      if (flags.uri !== undefined) {
        await writeWalletKey(output, deps, flags, { wallet, kind, keypair: Keypair.fromUri(devUri(flags.uri)) });
        return;
      }
      const mnemonic = Keypair.generateMnemonic(flags.nWords);
      await writeWalletKey(output, deps, flags, { wallet, kind, keypair: Keypair.fromMnemonic(mnemonic), mnemonic });
    }),
  );
}

/**
 * btcli's `--uri alice` means the well-known dev account `//Alice` (funded on local chains, public to everyone);
 * a value starting with `/` is taken as a secret URI as written.
 */
export function devUri(name: string): string {
  const trimmed = name.trim();
  if (trimmed.startsWith('/')) {
    return trimmed;
  }
  return `//${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1).toLowerCase()}`;
}
