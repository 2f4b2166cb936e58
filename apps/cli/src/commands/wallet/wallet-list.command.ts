import type { Command } from 'commander';
import { listWallets, type HotkeyListing, type WalletListing } from '@taonode/wallet';
import { runCliAction, type CliOutput } from '../../cli/cli-output';
import type { CliDeps } from '../../cli/cli.deps';
import {
  addWalletLocationOptions,
  resolveWalletLocation,
  type WalletLocationFlags,
} from '../../cli/wallet-location.options';

interface ListFlags extends WalletLocationFlags {
  json?: boolean;
}

const ENCRYPTED = '<ENCRYPTED>';

function hotkeyAddress(hotkey: HotkeyListing): string {
  return hotkey.ss58Address ?? ENCRYPTED;
}

function hotkeyLine(hotkey: HotkeyListing): string {
  const suffix = hotkey.status === 'public-only' ? ' (hotkeypub only)' : '';
  return `Hotkey ${hotkey.name}  ss58_address ${hotkeyAddress(hotkey)}${suffix}`;
}

/** The same tree btcli's `wallet list` draws with rich (`Wallets` › `Coldkey …` › `Hotkey …`). */
function printTree(output: CliOutput, wallets: WalletListing[]): void {
  output.line('Wallets');
  if (wallets.length === 0) {
    output.line('└── No wallets found.');
    return;
  }
  wallets.forEach((wallet, walletIndex) => {
    const isLastWallet = walletIndex === wallets.length - 1;
    output.line(`${isLastWallet ? '└── ' : '├── '}Coldkey ${wallet.name}  ss58_address ${wallet.coldkeyAddress}`);
    const indent = isLastWallet ? '    ' : '│   ';
    wallet.hotkeys.forEach((hotkey, hotkeyIndex) => {
      const branch = hotkeyIndex === wallet.hotkeys.length - 1 ? '└── ' : '├── ';
      output.line(`${indent}${branch}${hotkeyLine(hotkey)}`);
    });
  });
}

/** `taonode wallet list`: every wallet and hotkey under the wallet path, discovered like btcli. */
export function registerListCommand(walletCommand: Command, deps: CliDeps): void {
  const command = walletCommand.command('list').description('list the wallets and hotkeys under the wallet path');
  addWalletLocationOptions(command, { hotkey: false });
  command.option('--json', 'machine-readable output (btcli --json-output shape)');
  command.action((flags: ListFlags) =>
    runCliAction(deps, flags.json === true, async (output) => {
      const wallets = await listWallets(resolveWalletLocation(flags, deps.env).path);
      if (!output.isJson) {
        printTree(output, wallets);
        return;
      }
      output.json({
        wallets: wallets.map((wallet) => ({
          name: wallet.name,
          ss58_address: wallet.coldkeyAddress,
          hotkeys: wallet.hotkeys.map((hotkey) => ({
            name: hotkey.name,
            ss58_address: hotkeyAddress(hotkey),
            status: hotkey.status,
          })),
        })),
      });
    }),
  );
}
