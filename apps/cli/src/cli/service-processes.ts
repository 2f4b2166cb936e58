import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, type LogRotation, type ProcessSupervisor } from '@taonode/process';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
/** Runs one `apps/<app>` (compiled or through swc) as a child process. */
export const RUN_APP_BIN = join(REPO_ROOT, 'bin', 'run-app.js');
/** Services compile their TypeScript on first start; a busy 2-core machine needs headroom. */
export const SERVICE_READY_TIMEOUT_MS = 120_000;

/** What starting a service needs: the supervisor that owns it, where its log goes, the env every service shares. */
export interface ServiceProcessContext {
  readonly supervisor: ProcessSupervisor;
  /** The log file of the service called `name`, or undefined to keep no file. */
  readonly logFile: (name: string) => string | undefined;
  /** Rotate those log files by size; undefined: they only grow (`taonode start`'s data directory is per run). */
  readonly logRotation?: LogRotation;
  /** Time each service gets between SIGTERM and SIGKILL (default: the supervisor's 5 s). */
  readonly stopGraceMs?: number;
  readonly commonEnv: Readonly<Record<string, string>>;
  /** Hears every output line of every service started after it is ready (e.g. to mirror logs on stdout). */
  readonly onLine?: (name: string, line: string) => void;
}

/** btwallet's keyfile password variables (`BT_PW_<keyfile path>`): secrets a child gets only when handed them. */
const PASSWORD_VARIABLE = /^BT_PW_/u;

/**
 * The environment of a child: this process's environment (the supervisor merges it in) without any `BT_PW_…`
 * password variable, then `env`. A password variable reaches a child only when it is in `env`: the operator's
 * `BT_PW_…` for the hotkey goes to the services that sign with it, never to chain-sync, the workers or redis.
 */
export function childEnvironment(
  env: Readonly<Record<string, string>>,
  parentEnv: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const unset: NodeJS.ProcessEnv = {};
  for (const key of Object.keys(parentEnv)) {
    if (PASSWORD_VARIABLE.test(key)) {
      // An undefined value is left out of the child's environment (child_process skips it).
      unset[key] = undefined;
    }
  }
  return { ...unset, ...env };
}

/**
 * Starts `apps/<app>` as `name` on a free ops port and resolves with its ops base URL (`/metrics`, `/health`,
 * `/ready`) once `/ready` answers. `ports` are the other ports it binds (checked free before start).
 */
export async function startServiceProcess(
  ctx: ServiceProcessContext,
  name: string,
  app: string,
  env: Readonly<Record<string, string>>,
  ports: readonly number[] = [],
): Promise<string> {
  const opsPort = await freePort();
  const opsUrl = `http://127.0.0.1:${opsPort}`;
  const child = await ctx.supervisor.start({
    name,
    command: process.execPath,
    args: [RUN_APP_BIN, app],
    env: childEnvironment({ ...ctx.commonEnv, OPS_HOST: '127.0.0.1', OPS_PORT: String(opsPort), ...env }),
    readyUrl: `${opsUrl}/ready`,
    readyTimeoutMs: SERVICE_READY_TIMEOUT_MS,
    ports: [opsPort, ...ports],
    logFile: ctx.logFile(name),
    logRotation: ctx.logRotation,
    stopGraceMs: ctx.stopGraceMs,
  });
  const { onLine } = ctx;
  if (onLine !== undefined) {
    child.output.onLine((line) => onLine(name, line));
  }
  return opsUrl;
}

/** Where a started chain-sync serves the metagraph and its ops endpoints. */
export interface ChainSyncProcess {
  readonly grpcAddress: string;
  readonly opsUrl: string;
}

/** chain-sync following `netuid` with its gRPC on a free loopback port (the other services' metagraph). */
export async function startChainSyncProcess(
  ctx: ServiceProcessContext,
  options: { readonly netuid: number; readonly env?: Readonly<Record<string, string>> },
): Promise<ChainSyncProcess> {
  const grpcPort = await freePort();
  const opsUrl = await startServiceProcess(
    ctx,
    'chain-sync',
    'chain-sync',
    { NETUIDS: String(options.netuid), GRPC_HOST: '127.0.0.1', GRPC_PORT: String(grpcPort), ...options.env },
    [grpcPort],
  );
  return { grpcAddress: `127.0.0.1:${grpcPort}`, opsUrl };
}

/**
 * A private redis-server on a free loopback port, append-only in `directory` so queued work survives a restart of
 * the node; BullMQ needs noeviction.
 */
export async function startPrivateRedis(ctx: ServiceProcessContext, directory: string): Promise<string> {
  const port = await freePort();
  mkdirSync(directory, { recursive: true });
  await ctx.supervisor.start({
    name: 'redis',
    command: 'redis-server',
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--dir',
      directory,
      '--maxmemory-policy',
      'noeviction',
    ],
    env: childEnvironment({}),
    readyLine: /Ready to accept connections/,
    ports: [port],
    logFile: ctx.logFile('redis'),
    logRotation: ctx.logRotation,
    stopGraceMs: ctx.stopGraceMs,
  });
  return `redis://127.0.0.1:${port}`;
}
