import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LaunchError, stopProcess, waitForLine } from './child-process-ready';
import { freePort } from './free-port';

export interface RedisLaunchOptions {
  /** Run with `--appendonly yes` (what production uses; style.md §5). Default false. */
  readonly appendOnly?: boolean;
  /** The `redis-server` executable (default: found on PATH). */
  readonly binary?: string;
}

export interface LaunchedRedis {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const READY_LINE = /Ready to accept connections/;
const ATTEMPTS = 3;

/**
 * Starts a private `redis-server` on a free localhost port with its data in a fresh temporary directory
 * (removed on `stop`). No RDB snapshots; append-only persistence when asked. Retries on another port if the
 * one picked was taken in the meantime.
 */
export async function startRedisServer(options: RedisLaunchOptions = {}): Promise<LaunchedRedis> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = await freePort();
    const directory = mkdtempSync(join(tmpdir(), 'taonode-redis-'));
    const child = spawn(
      options.binary ?? 'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        directory,
        '--save',
        '',
        '--appendonly',
        options.appendOnly ? 'yes' : 'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const spawnFailure = new Promise<never>((_, reject) =>
      child.once('error', (error) => reject(new LaunchError(`cannot run redis-server: ${error.message}`))),
    );
    // Observed by the race below; this only keeps a late 'error' from surfacing as an unhandled rejection.
    spawnFailure.catch(() => undefined);
    try {
      await Promise.race([waitForLine(child, READY_LINE, 15_000, 'redis-server'), spawnFailure]);
      child.stdout.resume();
      child.stderr.resume();
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        stop: async () => {
          await stopProcess(child);
          rmSync(directory, { recursive: true, force: true });
        },
      };
    } catch (error) {
      lastError = error;
      await stopProcess(child);
      rmSync(directory, { recursive: true, force: true });
    }
  }
  throw lastError instanceof Error ? lastError : new LaunchError(String(lastError));
}
