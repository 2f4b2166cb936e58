import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PortInUseError, stablePort, startChild, type SupervisedChild } from '@taonode/process';
import { rpcCall } from './json-rpc';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const TAONODE_BIN = join(REPO_ROOT, 'bin', 'taonode.js');
/** The devnet's ready line (apps/devnet/src/devnet-command.ts). */
const READY_LINE = /devnet: listening on (ws:\/\/\S+)/;
/** The devnet closes its server and exits on SIGTERM; SIGKILL only if it hangs that long. */
const STOP_GRACE_MS = 10_000;
/** Ports tried when the one picked is taken before the devnet binds it. */
const STABLE_PORT_ATTEMPTS = 3;

export interface DevnetLaunchOptions {
  /** Blocks only on `newBlock()` / `dev_newBlock` (default true: tests drive blocks, they do not sleep). */
  readonly manual?: boolean;
  /** Block interval when not manual (default 12 s). */
  readonly blockTimeMs?: number;
  /** A genesis file path, or a genesis object written to a temporary file. */
  readonly genesis?: string | object;
  /**
   * The port to listen on (default: a free one below the OS's ephemeral range, so that no other process is handed
   * it while a test restarts the chain on it). A fixed port is for tests of a client that must find the chain
   * where it was, e.g. one started before the chain.
   */
  readonly port?: number;
  /** How long to wait for the ready line (default 60 s: cold swc compilation on a busy CI box). */
  readonly startTimeoutMs?: number;
  /**
   * A `RuntimeMetadataPrefixed` file for `--metadata` (default: the devnet's spec-233 metadata). See
   * {@link spec424MetadataFile} for the real spec-424 metadata when it is present.
   */
  readonly metadata?: string;
}

export interface LaunchedDevnet {
  /** The websocket URL; the same after {@link LaunchedDevnet.restart}. */
  readonly url: string;
  /** Builds `count` blocks (`dev_newBlock`); resolves with the last block's hash. */
  newBlock(count?: number): Promise<string>;
  /**
   * Ends the process with `signal` (default SIGKILL: the chain vanishes mid-connection, as a crashed node
   * would) and resolves once it has exited. Follow with `restart()` or `stop()`.
   */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Kills the devnet if it still runs and starts a fresh one from the same genesis on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real spec-424 (finney, metadata V16) metadata that tests may run the devnet on: `SUBTENSOR_METADATA_424`,
 * else `../shared/fixtures/subtensor-metadata-spec424.scale` beside the repository. Another project's data,
 * never committed: `undefined` when absent, and the tests that need it report themselves skipped.
 */
export function spec424MetadataFile(): string | undefined {
  const file =
    process.env.SUBTENSOR_METADATA_424 ??
    join(REPO_ROOT, '..', 'shared', 'fixtures', 'subtensor-metadata-spec424.scale');
  return existsSync(file) ? file : undefined;
}

/** The runtimes the devnet suites run on: the default metadata, and spec 424 where its fixture is present. */
export function devnetRuntimes(): readonly { readonly label: string; readonly metadata: string | undefined }[] {
  const spec424 = spec424MetadataFile();
  return [
    { label: 'default metadata (spec 233)', metadata: undefined },
    ...(spec424 ? [{ label: 'spec 424 metadata', metadata: spec424 }] : []),
  ];
}

/**
 * Starts `taonode devnet` as a child process (the devnet is an app, and libraries may not import apps) and
 * waits for the URL it prints.
 */
export async function startDevnet(options: DevnetLaunchOptions = {}): Promise<LaunchedDevnet> {
  const scratch = typeof options.genesis === 'object' ? mkdtempSync(join(tmpdir(), 'taonode-devnet-')) : undefined;
  const args = [TAONODE_BIN, 'devnet'];
  if (options.manual ?? true) {
    args.push('--manual');
  } else if (options.blockTimeMs !== undefined) {
    args.push('--block-time', `${options.blockTimeMs}ms`);
  }
  if (options.metadata !== undefined) {
    args.push('--metadata', options.metadata);
  }
  if (typeof options.genesis === 'string') {
    args.push('--genesis', options.genesis);
  } else if (scratch) {
    const file = join(scratch, 'genesis.json');
    writeFileSync(file, JSON.stringify(options.genesis));
    args.push('--genesis', file);
  }
  const cleanup = (): void => {
    if (scratch) {
      rmSync(scratch, { recursive: true, force: true });
    }
  };
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  let launched: { child: SupervisedChild; url: string };
  try {
    launched = await launchOnStablePort(args, options.port, startTimeoutMs);
  } catch (error) {
    cleanup();
    throw error;
  }
  const url = launched.url;
  // A restart must come back where clients look for it, also when the first port was the OS's pick.
  const port = Number(new URL(url).port);
  const kill = (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => launched.child.kill(signal);
  return {
    url,
    newBlock: (count = 1) => rpcCall<string>(url, 'dev_newBlock', [{ count }]),
    kill,
    restart: async () => {
      await kill();
      launched = await launch(args, port, startTimeoutMs);
    },
    stop: async () => {
      await launched.child.stop();
      cleanup();
    },
  };
}

/**
 * Starts the devnet on `port`, or when none is given on a {@link stablePort} (retrying on another if a process took
 * the one picked in the meantime).
 */
async function launchOnStablePort(
  args: readonly string[],
  port: number | undefined,
  startTimeoutMs: number,
): Promise<{ child: SupervisedChild; url: string }> {
  if (port !== undefined) {
    return launch(args, port, startTimeoutMs);
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launch(args, await stablePort(), startTimeoutMs);
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= STABLE_PORT_ATTEMPTS) {
        throw error;
      }
    }
  }
}

/**
 * Starts the devnet with `args` on `port` and resolves once it prints its ready line. @taonode/process ties its life
 * to this process: a test run that dies takes its devnets with it. A fixed port that is taken fails at once with
 * the port and its holder named.
 */
async function launch(
  args: readonly string[],
  port: number,
  startTimeoutMs: number,
): Promise<{ child: SupervisedChild; url: string }> {
  const child = await startChild({
    name: 'devnet',
    command: process.execPath,
    args: [...args, '--port', String(port)],
    cwd: REPO_ROOT,
    readyLine: READY_LINE,
    readyTimeoutMs: startTimeoutMs,
    ports: [port],
    stopGraceMs: STOP_GRACE_MS,
  });
  return { child, url: child.ready?.[1] ?? '' };
}
