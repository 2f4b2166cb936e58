import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describeMetadataFetch, fetchSubtensorMetadata, isSubtensorMetadataReady } from '@taonode/chain';
import { withSpinner } from '../cli/spinner';

/**
 * The devnet app's entry point. Apps never import each other (module boundaries), so the CLI runs the
 * devnet as its own process, the way `npm start` runs every service, and passes its arguments through.
 */
const DEVNET_MAIN = join(__dirname, '..', '..', '..', 'devnet', 'src', 'main.ts');

/** `taonode devnet [--port] [--host] [--block-time] [--manual] [--genesis] ...`: runs the simulated subtensor. */
export function registerDevnetCommand(program: Command): void {
  program
    .command('devnet')
    .description('run the simulated subtensor (websocket JSON-RPC); `taonode devnet --help` lists its flags')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[flags...]', 'passed to the devnet (--port, --host, --block-time, --manual, --genesis)')
    .action(async (flags: string[]) => {
      await ensureMetadataOnFirstUse(flags);
      await runDevnetProcess(flags);
    });
}

/**
 * A fresh checkout has no cached subtensor metadata (it is fetched, never committed): fetch and check it here,
 * saying so, instead of sending the user to `npm run setup`. Asking for the devnet's help needs none.
 */
async function ensureMetadataOnFirstUse(flags: readonly string[]): Promise<void> {
  if (flags.includes('--help') || flags.includes('-h') || isSubtensorMetadataReady(process.env)) {
    return;
  }
  await withSpinner(process.stderr, `devnet: ${describeMetadataFetch(process.env)}`, () =>
    fetchSubtensorMetadata(process.env),
  );
}

function runDevnetProcess(flags: readonly string[]): Promise<void> {
  // The IPC channel lets the devnet notice when this process dies (even by SIGKILL) and stop with it.
  const child = spawn(process.execPath, ['-r', '@swc-node/register', DEVNET_MAIN, ...flags], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: process.env,
  });
  // Ctrl-C reaches both processes; a SIGTERM sent to the CLI alone is passed on. The CLI exits with the child.
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInterrupt = forward('SIGINT');
  const onTerminate = forward('SIGTERM');
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onTerminate);
  // Launched by a test harness with its own IPC channel: stop the devnet if that harness goes away.
  process.once('disconnect', onTerminate);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onTerminate);
      process.off('disconnect', onTerminate);
      if (process.connected) {
        process.disconnect();
      }
      process.exitCode = code ?? (signal ? 1 : 0);
      resolve();
    });
  });
}
