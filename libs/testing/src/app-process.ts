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
  options: { readonly name?: string; readonly readyTimeoutMs?: number } = {},
): Promise<AppProcess> {
  const opsPort = await freePort();
  const opsUrl = `http://127.0.0.1:${opsPort}`;
  const child = await startChild({
    name: options.name ?? app,
    command: process.execPath,
    args: [RUN_APP, app],
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
