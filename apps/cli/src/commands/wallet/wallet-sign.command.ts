import type { Command } from 'commander';
import { Wallet } from '@taonode/wallet';
import { runCliAction } from '../../cli/cli-output';
import type { CliDeps } from '../../cli/cli.deps';
import { addPasswordFileOption, type PasswordFlags } from '../../cli/password.options';
import { unlockPassword } from '../../cli/password.source';
import {
  addWalletLocationOptions,
  resolveWalletLocation,
  type WalletLocationFlags,
} from '../../cli/wallet-location.options';

interface SignFlags extends WalletLocationFlags, PasswordFlags {
  message: string;
  useHotkey?: boolean;
  json?: boolean;
}

/**
 * `taonode wallet sign`: sr25519 signature of `--message` with the coldkey (default, as btcli) or the hotkey.
 * Message rule as btwallet: `0x…` is hex-decoded, anything else signed as UTF-8.
 */
export function registerSignCommand(walletCommand: Command, deps: CliDeps): void {
  const command = walletCommand
    .command('sign')
    .description('sign a message with the coldkey (or the hotkey) and print the 0x signature');
  addWalletLocationOptions(command, { hotkey: true });
  command
    .requiredOption('--message <text>', 'message to sign (0x… is taken as hex bytes, as btwallet does)')
    .option('--use-hotkey', 'sign with the hotkey instead of the coldkey');
  addPasswordFileOption(command);
  command.option('--json', 'machine-readable output on stdout');
  command.action((flags: SignFlags) =>
    runCliAction(deps, flags.json === true, async (output) => {
      const wallet = new Wallet(resolveWalletLocation(flags, deps.env));
      const keypair =
        flags.useHotkey === true
          ? await wallet.getHotkey(unlockPassword(flags, deps, wallet.hotkeyFile))
          : await wallet.getColdkey(unlockPassword(flags, deps, wallet.coldkeyFile));
      const signature = keypair.signHex(flags.message);
      if (output.isJson) {
        output.json({
          signature,
          ss58_address: keypair.ss58Address,
          key: flags.useHotkey === true ? 'hotkey' : 'coldkey',
        });
        return;
      }
      output.line(signature);
    }),
  );
}
