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
  });
