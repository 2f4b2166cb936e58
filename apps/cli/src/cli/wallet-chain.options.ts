import type { Command } from 'commander';
import type { PromptFlags } from './confirm.prompt';
import { addPasswordFileOption, type PasswordFlags } from './password.options';
import { addSubtensorOptions, type SubtensorFlags } from './subtensor.options';
import { addWalletLocationOptions, type WalletLocationFlags } from './wallet-location.options';

/** The flags of a chain command that works with a wallet: which wallet, which chain, how to print. */
export interface WalletChainFlags extends SubtensorFlags, WalletLocationFlags {
  json?: boolean;
}

/** A command that signs with the coldkey and spends also takes a password file and `--no-prompt`. */
export interface SpendFlags extends WalletChainFlags, PasswordFlags, PromptFlags {}

/**
 * Adds, after the command's own options, in this order: the wallet location (`--wallet.hotkey` included also
 * where the hotkey is not used, so the same flags work across commands as in btcli), `--password-file` when the
 * command unlocks a key, `--subtensor.*`, `--no-prompt` when it asks before spending, and `--json`.
 */
export function addWalletChainOptions(
  command: Command,
  options: { readonly password?: boolean; readonly prompt?: boolean } = {},
): Command {
  addWalletLocationOptions(command, { hotkey: true });
  if (options.password === true) {
    addPasswordFileOption(command);
  }
  addSubtensorOptions(command);
  if (options.prompt === true) {
    command.option('--no-prompt', 'do not ask for confirmation');
  }
  return command.option('--json', 'machine-readable output on stdout');
}

/** {@link addWalletChainOptions} of a command that spends from the coldkey. */
export function addSpendOptions(command: Command): Command {
  return addWalletChainOptions(command, { password: true, prompt: true });
}
