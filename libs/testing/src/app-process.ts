import { join } from 'node:path';
import { freePort, startChild, type SupervisedChild } from '@taonode/process';

const RUN_APP = join(__dirname, '..', '..', '..', 'bin', 'run-app.js');

/** A service started as its own process, as `npm start` runs it. */
export interface AppProcess {
  readonly child: SupervisedChild;
  /** Its ops server (`/health`, `/ready`, `/metrics`). */
  readonly opsUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `apps/<app>` from its sources (`bin/run-app.js`) with `env` over a quiet production-like default, its ops
 * server on a free loopback port, and resolves once `/ready` answers 2xx.
 */
export async function startAppProcess(
  app: string,
  env: Readonly<Record<string, string>>,
  options: {
    readonly name?: string;
    readonly readyTimeoutMs?: number;
    /** `ulimit -n` of the process (soft and hard: Node raises its soft limit to the hard one at start). */
    readonly openFileLimit?: number;
  } = {},
): Promise<AppProcess> {
  const opsPort = await freePort();
  const opsUrl = `http://127.0.0.1:${opsPort}`;
  const limit = options.openFileLimit;
  const child = await startChild({
    name: options.name ?? app,
    // With a limit, a shell lowers it and then becomes the app (exec), which inherits it.
    command: limit === undefined ? process.execPath : 'bash',
    args:
      limit === undefined
        ? [RUN_APP, app]
        : ['-c', `ulimit -n ${limit} && exec "$0" "$@"`, process.execPath, RUN_APP, app],
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      OPS_HOST: '127.0.0.1',
      OPS_PORT: String(opsPort),
      ...env,
    },
    readyUrl: `${opsUrl}/ready`,
    readyTimeoutMs: options.readyTimeoutMs ?? 120_000,
    ports: [opsPort],
    stopGraceMs: 3_000,
  });
  return { child, opsUrl, stop: () => child.stop() };
}
