import { Option, type Command } from 'commander';
import { DEFAULT_HOTKEY_NAME, DEFAULT_WALLET_NAME, DEFAULT_WALLET_PATH } from '@taonode/wallet';

/** Parsed `--wallet.*` flags (commander keeps the dotted names as keys) and their hidden btcli dash aliases. */
export interface WalletLocationFlags {
  'wallet.name'?: string;
  'wallet.hotkey'?: string;
  'wallet.path'?: string;
  walletName?: string;
  walletHotkey?: string;
  walletPath?: string;
}

export interface WalletLocation {
  name: string;
  hotkey: string;
  path: string;
}

/** Adds `--wallet.name`, `--wallet.path` and, when the command uses one, `--wallet.hotkey` (btcli spelling). */
export function addWalletLocationOptions(command: Command, options: { hotkey: boolean }): Command {
  command
    .option(
      '--wallet.name <name>',
      `wallet (coldkey) name [env WALLET_NAME, BT_WALLET_NAME; default "${DEFAULT_WALLET_NAME}"]`,
    )
    .option(
      '--wallet.path <path>',
      `wallets folder [env WALLET_PATH, BT_WALLET_PATH; default "${DEFAULT_WALLET_PATH}"]`,
    )
    .addOption(new Option('--wallet-name <name>').hideHelp())
    .addOption(new Option('--wallet-path <path>').hideHelp());
  if (options.hotkey) {
    command
      .option(
        '--wallet.hotkey <name>',
        `hotkey name [env WALLET_HOTKEY, BT_WALLET_HOTKEY; default "${DEFAULT_HOTKEY_NAME}"]`,
      )
      .addOption(new Option('--wallet-hotkey <name>').hideHelp());
  }
  return command;
}

function firstSet(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value !== '');
}

/** Flag › `WALLET_*` › btcli's `BT_WALLET_*` › default, per field. */
export function resolveWalletLocation(
  flags: WalletLocationFlags,
  env: Readonly<Record<string, string | undefined>>,
): WalletLocation {
  return {
    name: firstSet(flags['wallet.name'], flags.walletName, env.WALLET_NAME, env.BT_WALLET_NAME) ?? DEFAULT_WALLET_NAME,
    hotkey:
      firstSet(flags['wallet.hotkey'], flags.walletHotkey, env.WALLET_HOTKEY, env.BT_WALLET_HOTKEY) ??
      DEFAULT_HOTKEY_NAME,
    path: firstSet(flags['wallet.path'], flags.walletPath, env.WALLET_PATH, env.BT_WALLET_PATH) ?? DEFAULT_WALLET_PATH,
  };
}
