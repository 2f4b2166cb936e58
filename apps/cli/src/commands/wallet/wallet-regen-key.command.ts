import type { Command } from 'commander';
import { Wallet, type WalletKeyKind } from '@taonode/wallet';
import { runCliAction } from '../../cli/cli-output';
import type { CliDeps } from '../../cli/cli.deps';
import {
  addWalletLocationOptions,
  resolveWalletLocation,
  type WalletLocationFlags,
} from '../../cli/wallet-location.options';
import { addKeyMaterialOptions, regeneratedKeypair, type KeyMaterialFlags } from './key-material.source';
import {
  addKeyPasswordOptions,
  addOverwriteAndJsonOptions,
  writeWalletKey,
  type KeyWriteFlags,
} from './key-writing.shared';

interface RegenKeyFlags extends WalletLocationFlags, KeyWriteFlags, KeyMaterialFlags {
  json?: boolean;
}

const DESCRIPTIONS: Readonly<Record<WalletKeyKind, string>> = {
  coldkey: 'regenerate a coldkey from its mnemonic or seed (encrypted with a password)',
  hotkey: 'regenerate a hotkey from its mnemonic or seed (unencrypted unless --use-password)',
};

/**
 * `taonode wallet regen-coldkey` / `regen-hotkey`: rebuild `coldkey` + `coldkeypub.txt`, or `hotkeys/<name>` +
 * its pub file, from a mnemonic or seed.
 */
export function registerRegenKeyCommand(walletCommand: Command, deps: CliDeps, kind: WalletKeyKind): void {
  const command = walletCommand.command(`regen-${kind}`).description(DESCRIPTIONS[kind]);
  addWalletLocationOptions(command, { hotkey: kind === 'hotkey' });
  addKeyMaterialOptions(command);
  addKeyPasswordOptions(command, kind);
  addOverwriteAndJsonOptions(command);
  command.action((flags: RegenKeyFlags) =>
    runCliAction(deps, flags.json === true, async (output) => {
      const wallet = new Wallet(resolveWalletLocation(flags, deps.env));
      // Validate the key material first: a mistyped mnemonic should fail before any password prompt.
      const keypair = await regeneratedKeypair(flags, deps, kind);
      await writeWalletKey(output, deps, flags, { wallet, kind, keypair });
    }),
  );
}
