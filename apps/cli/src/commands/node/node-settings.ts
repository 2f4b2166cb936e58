import { Option, type Command } from 'commander';
import { resolveEndpoints } from '@taonode/chain';
import { DEFAULT_LOG_ROTATION, type LogRotation } from '@taonode/process';
import { CliUsageError } from '../../cli/cli-usage.error';
import { addSubtensorOptions, resolveEndpointSelection, type SubtensorFlags } from '../../cli/subtensor.options';
import {
  addWalletLocationOptions,
  resolveWalletLocation,
  type WalletLocation,
  type WalletLocationFlags,
} from '../../cli/wallet-location.options';

/** The roles a node can run; `node --role miner,validator` runs both under one supervisor. */
export const NODE_ROLES = ['miner', 'validator'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

/** The miner's axon port when none is given (the Python axon's). */
export const DEFAULT_AXON_PORT = 8091;
/** Inference workers of a miner when `--workers` is not given. */
export const DEFAULT_WORKERS = 2;

/** Parsed flags of `taonode miner|validator|node` (commander keeps the dotted names as keys). */
export interface NodeFlags extends SubtensorFlags, WalletLocationFlags {
  netuid?: string;
  workers?: string;
  role?: string;
  'axon.port'?: string;
  'axon.external_ip'?: string;
  'axon.external_port'?: string;
  'logging.debug'?: boolean;
  'logging.trace'?: boolean;
  'logging.logging_dir'?: string;
  'logging.max_bytes'?: string;
  'logging.max_files'?: string;
}

/** Everything a node run needs, resolved once from flags › environment › defaults. */
export interface NodeSettings {
  readonly roles: readonly NodeRole[];
  readonly netuid: number;
  readonly wallet: WalletLocation;
  /** Endpoints the services connect to (comma-joined into SUBTENSOR_CHAIN_ENDPOINT). */
  readonly chainEndpoints: readonly string[];
  readonly network: string;
  readonly axonPort: number;
  /** The address to announce; undefined: keep what the chain holds (preflight decides). */
  readonly axonExternalIp?: string;
  readonly axonExternalPort: number;
  readonly workers: number;
  readonly logLevel: 'info' | 'debug' | 'trace';
  readonly loggingDir?: string;
  /** Size-based rotation of the files in `loggingDir`. */
  readonly logRotation: LogRotation;
  /** The operator's Redis; undefined: a private redis-server. */
  readonly redisUrl?: string;
}

/** Adds the template's and btcli's flags shared by `miner`, `validator` and `node`. */
export function addNodeOptions(command: Command): Command {
  command
    .option('--netuid <netuid>', 'subnet id [env NETUID]')
    .option('--axon.port <port>', `axon listening port [env AXON_PORT; default ${DEFAULT_AXON_PORT}]`)
    .option('--axon.external_ip <ip>', 'public IP to announce on chain [env AXON_EXTERNAL_IP]')
    .option('--axon.external_port <port>', 'public port to announce [env AXON_EXTERNAL_PORT; default --axon.port]')
    .option('--workers <n>', `inference workers [env WORKERS; default ${DEFAULT_WORKERS}]`)
    .option('--logging.debug', 'debug logs [env LOGGING_DEBUG]')
    .option('--logging.trace', 'trace logs [env LOGGING_TRACE]')
    .option('--logging.logging_dir <dir>', 'also write each service log to <dir>/<service>.log [env LOGGING_DIR]')
    .option(
      '--logging.max_bytes <bytes>',
      `rotate a log file at this size [env LOGGING_MAX_BYTES; default ${DEFAULT_LOG_ROTATION.maxBytes}]`,
    )
    .option(
      '--logging.max_files <n>',
      `rotated files kept per service [env LOGGING_MAX_FILES; default ${DEFAULT_LOG_ROTATION.maxFiles}]`,
    )
    .addOption(new Option('--role <roles>', 'comma-separated: miner, validator').hideHelp());
  addWalletLocationOptions(command, { hotkey: true });
  return addSubtensorOptions(command);
}

function firstSet(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value !== '');
}

function integer(name: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new CliUsageError(`${name} must be an integer in ${min}..${max}, got "${value}"`);
  }
  return parsed;
}

/** Parses `--role miner,validator`; an unknown or empty role is a usage error. */
export function parseRoles(value: string): NodeRole[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const roles = NODE_ROLES.filter((role) => names.includes(role));
  const unknown = names.filter((name) => !(NODE_ROLES as readonly string[]).includes(name));
  if (unknown.length > 0 || roles.length === 0) {
    throw new CliUsageError(`--role takes miner, validator or miner,validator, got "${value}"`);
  }
  return roles;
}

/** Flags › environment (the same names as the services') › defaults; bad values are usage errors. */
export function resolveNodeSettings(
  roles: readonly NodeRole[],
  flags: NodeFlags,
  env: Readonly<Record<string, string | undefined>>,
): NodeSettings {
  const netuidText = firstSet(flags.netuid, env.NETUID);
  if (netuidText === undefined) {
    throw new CliUsageError('pass --netuid <subnet id> (or NETUID)');
  }
  const { endpoints, network } = resolveEndpoints(resolveEndpointSelection(flags, env));
  const axonPort = integer(
    '--axon.port',
    firstSet(flags['axon.port'], env.AXON_PORT) ?? String(DEFAULT_AXON_PORT),
    1,
    65535,
  );
  const externalPort = firstSet(flags['axon.external_port'], env.AXON_EXTERNAL_PORT);
  const debug = flags['logging.debug'] === true || env.LOGGING_DEBUG === 'true';
  const trace = flags['logging.trace'] === true || env.LOGGING_TRACE === 'true';
  return {
    roles,
    netuid: integer('--netuid', netuidText, 0, 65535),
    wallet: resolveWalletLocation(flags, env),
    chainEndpoints: endpoints,
    network,
    axonPort,
    axonExternalIp: firstSet(flags['axon.external_ip'], env.AXON_EXTERNAL_IP),
    axonExternalPort: externalPort === undefined ? axonPort : integer('--axon.external_port', externalPort, 1, 65535),
    workers: integer('--workers', firstSet(flags.workers, env.WORKERS) ?? String(DEFAULT_WORKERS), 1, 64),
    logLevel: trace ? 'trace' : debug ? 'debug' : 'info',
    loggingDir: firstSet(flags['logging.logging_dir'], env.LOGGING_DIR),
    logRotation: {
      maxBytes: integer(
        '--logging.max_bytes',
        firstSet(flags['logging.max_bytes'], env.LOGGING_MAX_BYTES) ?? String(DEFAULT_LOG_ROTATION.maxBytes),
        1024,
        Number.MAX_SAFE_INTEGER,
      ),
      maxFiles: integer(
        '--logging.max_files',
        firstSet(flags['logging.max_files'], env.LOGGING_MAX_FILES) ?? String(DEFAULT_LOG_ROTATION.maxFiles),
        0,
        1000,
      ),
    },
    redisUrl: firstSet(env.REDIS_URL),
  };
}
