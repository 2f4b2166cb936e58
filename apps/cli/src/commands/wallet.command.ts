import type { Command } from 'commander';
import { processDeps, type CliDeps } from '../cli/cli.deps';
import { registerWalletBalanceCommand } from './wallet/wallet-balance.command';
import { registerInspectCommand } from './wallet/wallet-inspect.command';
import { registerListCommand } from './wallet/wallet-list.command';
import { registerNewKeyCommand } from './wallet/wallet-new-key.command';
import { registerWalletOverviewCommand } from './wallet/wallet-overview.command';
import { registerRegenKeyCommand } from './wallet/wallet-regen-key.command';
import { registerSignCommand } from './wallet/wallet-sign.command';
import { registerWalletTransferCommand } from './wallet/wallet-transfer.command';
import { registerVerifyCommand } from './wallet/wallet-verify.command';

/**
 * `taonode wallet …`: btcli-compatible wallet commands. The file commands (keys, list, inspect, sign, verify)
 * come first, then the ones that read or spend on chain (balance, overview, transfer).
 */
export function registerWalletCommands(program: Command, deps: CliDeps = processDeps()): void {
  const wallet = program
    .command('wallet')
    .description('create, regenerate, list and inspect btcli-compatible wallets; sign and verify messages');
  registerNewKeyCommand(wallet, deps, 'coldkey');
  registerNewKeyCommand(wallet, deps, 'hotkey');
  registerRegenKeyCommand(wallet, deps, 'coldkey');
  registerRegenKeyCommand(wallet, deps, 'hotkey');
  registerListCommand(wallet, deps);
  registerInspectCommand(wallet, deps);
  registerSignCommand(wallet, deps);
  registerVerifyCommand(wallet, deps);
  registerWalletBalanceCommand(wallet, deps);
  registerWalletOverviewCommand(wallet, deps);
  registerWalletTransferCommand(wallet, deps);
}
