import { buildProgram } from './cli/program';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    // commander signals --help / --version through exitOverride with exit code 0.
    const code = (error as { exitCode?: number }).exitCode;
    if (typeof code === 'number') {
      process.exitCode = code;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  })
  // Every command's action settles only when its work is over (the long-running ones when their processes have
  // stopped). What may still hold the event loop then is @polkadot/api's deferred unsubscribes after disconnect
  // (1.75 s timers that chain): a finished command exits at once instead of waiting them out. Writes to a
  // terminal, pipe or file are synchronous on Linux, so nothing printed is lost.
  .finally(() => process.exit());
