import { join } from 'node:path';
import { freePort, startChild, type SupervisedChild } from '@taonode/process';

const RUN_APP = join(__dirname, '..', '..', '..', '..', 'bin', 'run-app.js');

/** Starts `inference-worker` as its own process (as `npm start` runs it) and resolves once it takes jobs. */
export async function startWorkerProcess(
  name: string,
  env: Readonly<Record<string, string>>,
): Promise<SupervisedChild> {
  const opsPort = await freePort();
  return startChild({
    name,
    command: process.execPath,
    args: [RUN_APP, 'inference-worker'],
    env: { OPS_PORT: String(opsPort), OPS_HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production', ...env },
    readyLine: /taking jobs/,
    readyTimeoutMs: 120_000,
    ports: [opsPort],
    stopGraceMs: 2_000,
  });
}
