import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PortInUseError, stablePort, startChild } from '@taonode/process';

export interface RedisLaunchOptions {
  /** Run with `--appendonly yes` (what production uses; style.md §5). Default false. */
  readonly appendOnly?: boolean;
  /** The `redis-server` executable (default: found on PATH). */
  readonly binary?: string;
  /** Listen on this port (e.g. to restart a stopped server where its clients reconnect); default a free one. */
  readonly port?: number;
  /**
   * Keep the data here instead of a fresh temporary directory, and leave it on `stop`: a server started again on
   * the same port and directory (with `appendOnly`) comes back with its data, as after a real Redis restart.
   */
  readonly directory?: string;
}

export interface LaunchedRedis {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const READY_LINE = /Ready to accept connections/;
const ATTEMPTS = 3;

/**
 * Starts a private `redis-server` on a free localhost port (below the ephemeral range: tests restart it there) with its data in a fresh temporary directory
 * (removed on `stop`). No RDB snapshots; append-only persistence when asked. Retries on another port if the
 * one picked was taken in the meantime. The server dies with this process (@taonode/process).
 */
export async function startRedisServer(options: RedisLaunchOptions = {}): Promise<LaunchedRedis> {
  let lastError: unknown;
  const attempts = options.port === undefined ? ATTEMPTS : 1;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const port = options.port ?? (await stablePort());
    const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'taonode-redis-'));
    const removeData = (): void => {
      if (options.directory === undefined) {
        rmSync(directory, { recursive: true, force: true });
      }
    };
    try {
      const child = await startChild({
        name: 'redis-server',
        command: options.binary ?? 'redis-server',
        args: [
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
        readyLine: READY_LINE,
        readyTimeoutMs: 15_000,
        ports: [port],
      });
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        stop: async () => {
          await child.stop();
          removeData();
        },
      };
    } catch (error) {
      removeData();
      if (!(error instanceof PortInUseError)) {
        throw error;
      }
      lastError = error;
    }
  }
  throw lastError;
}
