import type { Command } from 'commander';

/** `taonode devnet`: starts the simulated subtensor (filled in by the devnet work). */
export function registerDevnetCommand(program: Command): void {
  program.command('devnet').description('run the simulated subtensor (websocket JSON-RPC)');
}
