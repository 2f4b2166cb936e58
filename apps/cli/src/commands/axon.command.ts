import type { Command } from 'commander';
import { processDeps, type CliDeps } from '../cli/cli.deps';
import { registerAxonServeCommand } from './axon/axon-serve.command';

/** `taonode axon …`: announce the axon on chain. */
export function registerAxonCommands(program: Command, deps: CliDeps = processDeps()): void {
  const axon = program.command('axon').description("manage the hotkey's axon announcement");
  registerAxonServeCommand(axon, deps);
}
