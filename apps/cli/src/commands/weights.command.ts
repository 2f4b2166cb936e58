import type { Command } from 'commander';
import { processDeps, type CliDeps } from '../cli/cli.deps';
import { registerWeightsDecryptCommitCommand } from './weights/weights-decrypt-commit.command';
import { registerWeightsSetCommand } from './weights/weights-set.command';
import { registerWeightsShowCommand } from './weights/weights-show.command';

/** `taonode weights …`: inspect weights on chain. */
export function registerWeightsCommands(program: Command, deps: CliDeps = processDeps()): void {
  const weights = program.command('weights').description('inspect weights set on a subnet');
  registerWeightsShowCommand(weights, deps);
  registerWeightsDecryptCommitCommand(weights, deps);
  registerWeightsSetCommand(weights, deps);
}
