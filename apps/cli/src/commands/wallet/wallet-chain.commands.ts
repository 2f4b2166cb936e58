import type { Command } from 'commander';
import { registerWalletBalanceCommand } from './balance.command';
import { registerWalletOverviewCommand } from './overview.command';
import { registerWalletTransferCommand } from './transfer.command';
import { processDeps, type WalletCliDeps } from './wallet-cli.deps';

/**
 * Adds the chain-reading wallet commands (`balance`, `overview`, `transfer`) to the `wallet` command that
 * `registerWalletCommands` created (kept apart: those commands work on files only).
 */
export function registerWalletChainCommands(program: Command, deps: WalletCliDeps = processDeps()): void {
  const wallet =
    program.commands.find((command) => command.name() === 'wallet') ??
    program.command('wallet').description('btcli-compatible wallets');
  registerWalletBalanceCommand(wallet, deps);
  registerWalletOverviewCommand(wallet, deps);
  registerWalletTransferCommand(wallet, deps);
}
