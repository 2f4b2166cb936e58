import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket, { type RawData } from 'ws';
import { stopProcess, waitForLine } from './child-process-ready';

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
  /** How long to wait for the ready line (default 60 s: cold swc compilation on a busy CI box). */
  readonly startTimeoutMs?: number;
}

export interface LaunchedDevnet {
  readonly url: string;
  /** Builds `count` blocks (`dev_newBlock`); resolves with the last block's hash. */
  newBlock(count?: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts `taonode devnet --port 0` as a child process (the devnet is an app, and libraries may not import
 * apps) and waits for the URL it prints. Port 0 lets the OS pick the port, so there is no free-port race.
 */
export async function startDevnet(options: DevnetLaunchOptions = {}): Promise<LaunchedDevnet> {
  const scratch = typeof options.genesis === 'object' ? mkdtempSync(join(tmpdir(), 'taonode-devnet-')) : undefined;
  const args = [TAONODE_BIN, 'devnet', '--port', '0'];
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
  // The IPC channel closes if this test process dies, and the devnet then shuts itself down.
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const cleanup = (): void => {
    if (scratch) {
      rmSync(scratch, { recursive: true, force: true });
    }
  };
  let url: string;
  try {
    const match = await waitForLine(child, READY_LINE, options.startTimeoutMs ?? 60_000, 'devnet');
    url = match[1] ?? '';
  } catch (error) {
    await stopProcess(child);
    cleanup();
    throw error;
  }
  // Keep draining output so a chatty child never blocks on a full pipe; the channel alone must not keep
  // the test process alive.
  child.stdout?.resume();
  child.stderr?.resume();
  child.channel?.unref();
  return {
    url,
    newBlock: (count = 1) => rpcCall<string>(url, 'dev_newBlock', [{ count }]),
    stop: async () => {
      await stopProcess(child);
      cleanup();
    },
  };
}

/** One JSON-RPC call over a short-lived websocket. */
function rpcCall<T>(url: string, method: string, params: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })));
    socket.once('message', (data) => {
      socket.close();
      const reply = JSON.parse(messageText(data)) as { result?: T; error?: { code: number; message: string } };
      if (reply.error) {
        reject(new Error(`${method}: ${reply.error.code}: ${reply.error.message}`));
      } else {
        resolve(reply.result as T);
      }
    });
  });
}

/** A websocket message's text, whatever buffer shape `ws` delivered it in. */
function messageText(data: RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
