import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_BLOCK_TIME_MS, startDevnet, type RunningDevnet } from './devnet';
import { fetchMetadataOnce } from './runtime/metadata-source';

/** The line printed once the node accepts connections; launchers wait for it (`/listening on (ws:\S+)/`). */
export const READY_LINE_PREFIX = 'devnet: listening on ';

/** Parses `12s`, `250ms`, `1.5s` or a bare number of milliseconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim());
  if (!match?.[1]) {
    throw new InvalidArgumentError('expected a duration such as 12s or 250ms');
  }
  const milliseconds = Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  if (!Number.isFinite(milliseconds) || milliseconds < 1) {
    throw new InvalidArgumentError('the duration must be at least 1ms');
  }
  return Math.round(milliseconds);
}

function parseCount(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) {
    throw new InvalidArgumentError('expected a non-negative integer');
  }
  return parsed;
}

interface DevnetFlags {
  readonly port: number;
  readonly host: string;
  readonly blockTime: number;
  readonly manual?: boolean;
  readonly genesis?: string;
  readonly finalityLag: number;
  readonly stateRetention: number;
  readonly blockRetention: number;
  readonly metadata?: string;
  readonly metadataFrom?: string;
  readonly commitReveal?: 'on' | 'off';
}

/**
 * `taonode devnet`: runs the simulated subtensor until SIGINT/SIGTERM, then closes the server and exits 0.
 * Prints the ready line with its websocket URL on stdout.
 */
export async function runDevnetCommand(argv: readonly string[]): Promise<void> {
  const command = new Command('taonode devnet')
    .description(
      'run the simulated subtensor (websocket JSON-RPC, real subtensor metadata: spec 233 unless --metadata)',
    )
    .option('--port <port>', 'port to listen on (0 = any free port)', parseCount, 9944)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--block-time <duration>', 'block interval, e.g. 12s or 250ms', parseDuration, DEFAULT_BLOCK_TIME_MS)
    .option('--manual', 'build blocks only on dev_newBlock')
    .option('--genesis <file>', 'genesis JSON (default: apps/devnet/genesis/dev.json)')
    .option('--finality-lag <blocks>', 'finalized head trails best by this many blocks', parseCount, 0)
    .option('--state-retention <blocks>', 'recent blocks whose state stays queryable', parseCount, 256)
    .option('--block-retention <blocks>', 'recent blocks whose header and body are kept', parseCount, 16_384)
    .option('--metadata <file>', 'serve this RuntimeMetadataPrefixed (V14-V16, SCALE or 0x hex) instead of spec 233')
    .option('--metadata-from <url>', 'take the metadata from a node (wss://…) once and cache it under .cache/')
    .addOption(
      new Option(
        '--commit-reveal <mode>',
        'commit-reveal of every genesis subnet (default: as the genesis says)',
      ).choices(['on', 'off']),
    )
    .exitOverride();
  command.parse([...argv], { from: 'user' });
  const flags = command.opts<DevnetFlags>();
  if (flags.metadata && flags.metadataFrom) {
    command.error('error: give either --metadata or --metadata-from, not both', { exitCode: 2 });
  }
  const metadataFile = flags.metadataFrom ? await fetchMetadataOnce(flags.metadataFrom) : flags.metadata;
  const devnet = await startDevnet({
    metadataFile,
    host: flags.host,
    port: flags.port,
    blockTimeMs: flags.blockTime,
    manual: flags.manual === true,
    genesis: flags.genesis,
    finalityLag: flags.finalityLag,
    stateRetention: Math.max(1, flags.stateRetention),
    blockRetention: Math.max(1, flags.blockRetention),
    commitReveal: flags.commitReveal === undefined ? undefined : flags.commitReveal === 'on',
  });
  const mode = flags.manual ? 'manual blocks (dev_newBlock)' : `a block every ${flags.blockTime} ms`;
  process.stdout.write(`devnet: ${devnet.runtimeLabel}, genesis ${devnet.chain.genesisHash}, ${mode}\n`);
  process.stdout.write(`${READY_LINE_PREFIX}${devnet.url}\n`);
  stopOnSignals(devnet);
}

function stopOnSignals(devnet: RunningDevnet): void {
  // A parent that died takes the read end of our stdout with it; a status line must not crash the shutdown.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') {
        throw error;
      }
    });
  }
  let isStopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (isStopping) {
      return;
    }
    isStopping = true;
    process.stdout.write(`devnet: ${signal}, shutting down\n`);
    devnet.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`devnet: shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started with an IPC channel (by `taonode devnet` or a launcher): when that parent dies, the channel
  // closes, and the devnet must not live on as an orphan holding its port.
  if (process.connected) {
    process.once('disconnect', () => stop('SIGTERM'));
  }
}
