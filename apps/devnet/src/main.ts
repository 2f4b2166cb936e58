import { CommanderError } from 'commander';
import { runDevnetCommand } from './devnet-command';

// Entry point of the devnet process (`taonode devnet` spawns it with the remaining arguments).
runDevnetCommand(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
    return;
  }
  process.stderr.write(`devnet: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
