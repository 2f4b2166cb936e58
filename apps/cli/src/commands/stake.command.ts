import type { Command } from 'commander';
import { processDeps, type CliDeps } from '../cli/cli.deps';
import { registerStakeAddCommand } from './stake/stake-add.command';
import { registerStakeRemoveCommand } from './stake/stake-remove.command';

/** `taonode stake …`: btcli's `stake add` / `stake remove`. */
export function registerStakeCommands(program: Command, deps: CliDeps = processDeps()): void {
  const stake = program.command('stake').description('add or remove stake');
  registerStakeAddCommand(stake, deps);
  registerStakeRemoveCommand(stake, deps);
}
