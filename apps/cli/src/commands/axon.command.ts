import type { Command } from 'commander';
import { registerAxonServeCommand } from './axon/axon-serve.command';
import { processDeps, type WalletCliDeps } from './wallet/wallet-cli.deps';

/** `taonode axon …`: announce the axon on chain. */
export function registerAxonCommands(program: Command, deps: WalletCliDeps = processDeps()): void {
  const axon = program.command('axon').description("manage the hotkey's axon announcement");
  registerAxonServeCommand(axon, deps);
}
