import type { Command } from 'commander';
import { registerInspectCommand } from './wallet/inspect.command';
import { registerListCommand } from './wallet/list.command';
import { registerNewColdkeyCommand } from './wallet/new-coldkey.command';
import { registerNewHotkeyCommand } from './wallet/new-hotkey.command';
import { registerRegenColdkeyCommand } from './wallet/regen-coldkey.command';
import { registerRegenHotkeyCommand } from './wallet/regen-hotkey.command';
import { registerSignCommand } from './wallet/sign.command';
import { registerVerifyCommand } from './wallet/verify.command';
import { processDeps, type WalletCliDeps } from './wallet/wallet-cli.deps';

/** `taonode wallet …`: btcli-compatible wallet commands (files readable by btcli / bittensor-wallet 4.x). */
export function registerWalletCommands(program: Command, deps: WalletCliDeps = processDeps()): void {
  const wallet = program
    .command('wallet')
    .description('create, regenerate, list and inspect btcli-compatible wallets; sign and verify messages');
  registerNewColdkeyCommand(wallet, deps);
  registerNewHotkeyCommand(wallet, deps);
  registerRegenColdkeyCommand(wallet, deps);
  registerRegenHotkeyCommand(wallet, deps);
  registerListCommand(wallet, deps);
  registerInspectCommand(wallet, deps);
  registerSignCommand(wallet, deps);
  registerVerifyCommand(wallet, deps);
}
