import type { Command } from 'commander';
import { processDeps, type CliDeps } from '../cli/cli.deps';
import { registerSubnetHyperparametersCommand } from './subnet/subnet-hyperparameters.command';
import { registerSubnetListCommand } from './subnet/subnet-list.command';
import { registerSubnetMetagraphCommand } from './subnet/subnet-metagraph.command';
import { registerSubnetRegisterCommand } from './subnet/subnet-register.command';
import { registerSubnetStartCommand } from './subnet/subnet-start.command';

/** `taonode subnet …`: btcli's `subnets` commands against any network. */
export function registerSubnetCommands(program: Command, deps: CliDeps = processDeps()): void {
  const subnet = program
    .command('subnet')
    .description('list subnets, show metagraphs and hyperparameters, register, start');
  registerSubnetListCommand(subnet, deps);
  registerSubnetMetagraphCommand(subnet, deps);
  registerSubnetHyperparametersCommand(subnet, deps);
  registerSubnetRegisterCommand(subnet, deps);
  registerSubnetStartCommand(subnet, deps);
}
