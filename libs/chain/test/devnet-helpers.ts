import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ApiPromise } from '@polkadot/api';
import WebSocket from 'ws';

/**
 * Builds blocks on a manual devnet until `work` settles, so a submission waiting for inclusion (or
 * finality) gets its block. Each block is built only after the previous one, with a short pause that lets
 * pending submissions reach the pool first.
 */
export async function mineUntilSettled<T>(devnet: { newBlock(): Promise<unknown> }, work: Promise<T>): Promise<T> {
  let settled = false;
  const tracked = work.finally(() => {
    settled = true;
  });
  tracked.catch(() => undefined);
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (!settled) {
      await devnet.newBlock();
    }
  }
  return tracked;
}

/** The finalized head once it has caught up with the best block (the devnet finalizes a few ms after import). */
export async function settledHead(api: ApiPromise): Promise<`0x${string}`> {
  for (;;) {
    const [finalized, best] = await Promise.all([api.rpc.chain.getFinalizedHead(), api.rpc.chain.getHeader()]);
    if (finalized.eq(best.hash)) {
      return finalized.toHex();
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const REPO_ROOT = join(__dirname, '..', '..', '..');

/** A devnet run as a child process group the test controls (to kill and restart it). */
export interface DevnetProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Kills the process with `signal` and resolves once it exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `node bin/taonode.js devnet --port <port> --manual`, resolved once it prints its ready line. */
export async function spawnDevnetProcess(port: number): Promise<DevnetProcess> {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'bin', 'taonode.js'), 'devnet', '--port', String(port), '--manual'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: `taonode devnet` runs the server as its own child, and a crash must take both down.
      detached: true,
    },
  );
  child.stderr?.resume();
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const match = /devnet: listening on (ws:\/\/\S+)/.exec(line);
      if (match?.[1]) {
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`devnet exited with ${code} before it was ready`)));
  });
  return {
    url,
    child,
    kill: (signal: NodeJS.Signals = 'SIGKILL') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        process.kill(-(child.pid ?? 0), signal);
      }),
  };
}

/** One JSON-RPC call over its own websocket (to drive `dev_newBlock` without the client under test). */
export function rpcCall<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })));
    socket.once('message', (data: Buffer) => {
      socket.close();
      const reply = JSON.parse(data.toString('utf8')) as { result?: T; error?: { message: string } };
      if (reply.error) {
        reject(new Error(reply.error.message));
      } else {
        resolve(reply.result as T);
      }
    });
  });
}
