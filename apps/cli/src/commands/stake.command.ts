import type { Command } from 'commander';
import { registerStakeAddCommand } from './stake/stake-add.command';
import { registerStakeRemoveCommand } from './stake/stake-remove.command';
import { processDeps, type WalletCliDeps } from './wallet/wallet-cli.deps';

/** `taonode stake …`: btcli's `stake add` / `stake remove`. */
export function registerStakeCommands(program: Command, deps: WalletCliDeps = processDeps()): void {
  const stake = program.command('stake').description('add or remove stake');
  registerStakeAddCommand(stake, deps);
  registerStakeRemoveCommand(stake, deps);
}
