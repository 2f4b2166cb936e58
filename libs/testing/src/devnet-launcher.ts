import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopProcess, waitForLine } from './child-process-ready';
import { rpcCall } from './json-rpc';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const TAONODE_BIN = join(REPO_ROOT, 'bin', 'taonode.js');
/** The devnet's ready line (apps/devnet/src/devnet-command.ts). */
const READY_LINE = /devnet: listening on (ws:\/\/\S+)/;

export interface DevnetLaunchOptions {
  /** Blocks only on `newBlock()` / `dev_newBlock` (default true: tests drive blocks, they do not sleep). */
  readonly manual?: boolean;
  /** Block interval when not manual (default 12 s). */
  readonly blockTimeMs?: number;
  /** A genesis file path, or a genesis object written to a temporary file. */
  readonly genesis?: string | object;
  /**
   * The port to listen on (default 0: the OS picks one, so there is no free-port race). A fixed port is for
   * tests of a client that must find the chain where it was, e.g. one started before the chain.
   */
  readonly port?: number;
  /** How long to wait for the ready line (default 60 s: cold swc compilation on a busy CI box). */
  readonly startTimeoutMs?: number;
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
  let launched: { child: ChildProcess; url: string };
  try {
    launched = await launch([...args, '--port', String(options.port ?? 0)], startTimeoutMs);
  } catch (error) {
    cleanup();
    throw error;
  }
  const url = launched.url;
  // A restart must come back where clients look for it, also when the first port was the OS's pick.
  const port = new URL(url).port;
  const kill = (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => stopProcess(launched.child, 10_000, signal);
  return {
    url,
    newBlock: (count = 1) => rpcCall<string>(url, 'dev_newBlock', [{ count }]),
    kill,
    restart: async () => {
      await kill();
      launched = await launch([...args, '--port', port], startTimeoutMs);
    },
    stop: async () => {
      await stopProcess(launched.child);
      cleanup();
    },
  };
}

/** Spawns the devnet with `args` and resolves once it prints its ready line. */
async function launch(args: readonly string[], startTimeoutMs: number): Promise<{ child: ChildProcess; url: string }> {
  // The IPC channel closes if this test process dies, and the devnet then shuts itself down.
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let url: string;
  try {
    const match = await waitForLine(child, READY_LINE, startTimeoutMs, 'devnet');
    url = match[1] ?? '';
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  // Keep draining output so a chatty child never blocks on a full pipe; the channel alone must not keep
  // the test process alive.
  child.stdout?.resume();
  child.stderr?.resume();
  child.channel?.unref();
  return { child, url };
}
