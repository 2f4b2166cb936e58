import type { Command } from 'commander';
import { registerSubnetHyperparametersCommand } from './subnet/subnet-hyperparameters.command';
import { registerSubnetListCommand } from './subnet/subnet-list.command';
import { registerSubnetMetagraphCommand } from './subnet/subnet-metagraph.command';
import { registerSubnetRegisterCommand } from './subnet/subnet-register.command';
import { processDeps, type WalletCliDeps } from './wallet/wallet-cli.deps';

/** `taonode subnet …`: btcli's `subnets` commands against any network. */
export function registerSubnetCommands(program: Command, deps: WalletCliDeps = processDeps()): void {
  const subnet = program.command('subnet').description('list subnets, show metagraphs and hyperparameters, register');
  registerSubnetListCommand(subnet, deps);
  registerSubnetMetagraphCommand(subnet, deps);
  registerSubnetHyperparametersCommand(subnet, deps);
  registerSubnetRegisterCommand(subnet, deps);
}
