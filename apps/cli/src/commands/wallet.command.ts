import type { Command } from 'commander';

/** `taonode wallet …`: btcli-compatible wallet commands (filled in by the wallet work). */
export function registerWalletCommands(program: Command): void {
  program.command('wallet').description('create, regenerate, list and inspect btcli-compatible wallets');
}
