import { Command } from 'commander';
import { registerAxonCommands } from '../commands/axon.command';
import { registerDevnetCommand } from '../commands/devnet.command';
import { registerNodeRunCommands } from '../commands/node/node-run.command';
import { registerStakeCommands } from '../commands/stake.command';
import { registerStartCommand } from '../commands/start/start.command';
import { registerSubnetCommands } from '../commands/subnet.command';
import { registerWalletCommands } from '../commands/wallet.command';
import { registerWeightsCommands } from '../commands/weights.command';
import { processDeps, type CliDeps } from './cli.deps';
import { acceptPromptHabits } from './prompt-habits';

/** The whole `taonode` command tree; every topic registers its own commands, then the shared btcli habits. */
export function buildProgram(deps: CliDeps = processDeps()): Command {
  const program = new Command('taonode')
    .description('taonode: a TypeScript node stack for Bittensor subnet operators')
    .showHelpAfterError()
    .exitOverride();
  registerWalletCommands(program, deps);
  registerSubnetCommands(program, deps);
  registerStakeCommands(program, deps);
  registerAxonCommands(program, deps);
  registerWeightsCommands(program, deps);
  registerDevnetCommand(program);
  registerStartCommand(program);
  registerNodeRunCommands(program, deps);
  acceptPromptHabits(program);
  return program;
}
