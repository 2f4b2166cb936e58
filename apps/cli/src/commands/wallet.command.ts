import type { Command } from 'commander';
import { registerInspectCommand } from './wallet/inspect.command';
import { registerListCommand } from './wallet/list.command';
import { registerNewKeyCommand } from './wallet/new-key.command';
import { registerRegenKeyCommand } from './wallet/regen-key.command';
import { registerSignCommand } from './wallet/sign.command';
import { registerVerifyCommand } from './wallet/verify.command';
import { processDeps, type WalletCliDeps } from './wallet/wallet-cli.deps';

/** `taonode wallet …`: btcli-compatible wallet commands (files readable by btcli / bittensor-wallet 4.x). */
export function registerWalletCommands(program: Command, deps: WalletCliDeps = processDeps()): void {
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
}
