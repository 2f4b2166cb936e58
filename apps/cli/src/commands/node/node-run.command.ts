import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ChainClient } from '@taonode/chain';
import { redactUrl } from '@taonode/observability';
import { onTerminationSignal, ProcessSupervisor, type ExitStatus } from '@taonode/process';
import { CliUsageError } from '../../cli/cli-usage.error';
import type { CliDeps } from '../../cli/cli.deps';
import { startPrivateRedis, type ServiceProcessContext } from '../../cli/service-processes';
import { loadNodeHotkey, type NodeHotkey } from './node-hotkey';
import { NodePreflightError, runPreflight, type PreflightReport } from './node-preflight';
import { nodeCommonEnv, startRoleServices } from './node-services';
import {
  addNodeOptions,
  parseRoles,
  resolveNodeSettings,
  type NodeFlags,
  type NodeRole,
  type NodeSettings,
} from './node-settings';

/** Exit codes: a failed check (or a service that died) is 1, a mistake in the command line is 2. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
/**
 * Each service's time to finish after SIGTERM before SIGKILL: the gateway drains its in-flight requests, workers
 * finish or hand back their jobs, the weight-setter finishes a submission it started. Services stop one after the
 * other, so a unit's stop timeout must exceed this times the number of services (deploy/systemd: 180 s).
 */
const SERVICE_STOP_GRACE_MS = 20_000;

/** `taonode miner`, `taonode validator` and `taonode node --role miner,validator` on the network the operator names. */
export function registerNodeRunCommands(program: Command, deps: CliDeps): void {
  const roleCommands: readonly [string, readonly NodeRole[] | undefined, string][] = [
    ['miner', ['miner'], 'mine on a subnet: chain-sync, inference workers and the axon gateway'],
    ['validator', ['validator'], 'validate on a subnet: chain-sync, an inference worker, scorer and weight-setter'],
    ['node', undefined, 'run --role miner,validator (both on one machine) under one supervisor'],
  ];
  for (const [name, roles, description] of roleCommands) {
    const command = program.command(name).description(description);
    addNodeOptions(command).action((flags: NodeFlags) =>
      runNode(name, roles, flags, deps).catch((error: unknown) => reportFailure(name, error, deps)),
    );
  }
}

function reportFailure(name: string, error: unknown, deps: CliDeps): void {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/gu, ' ');
  if (error instanceof NodePreflightError) {
    deps.stderr.write(`taonode ${name}: preflight failed: ${message}; fix: ${error.fix}\n`);
  } else {
    deps.stderr.write(`taonode ${name}: ${message}\n`);
  }
  process.exitCode = error instanceof CliUsageError ? EXIT_USAGE : EXIT_FAILURE;
}

async function runNode(
  name: string,
  roles: readonly NodeRole[] | undefined,
  flags: NodeFlags,
  deps: CliDeps,
): Promise<void> {
  const print = (line: string): void => void deps.stdout.write(`${line}\n`);
  const settings = resolveNodeSettings(roles ?? parseRoles(flags.role ?? 'miner,validator'), flags, deps.env);
  print(`taonode ${name}: ${settings.roles.join('+')} on subnet ${settings.netuid} (${settings.network})`);

  const hotkey = await loadNodeHotkey(settings, deps);
  if (hotkey.unlockedWith !== undefined) {
    const source = hotkey.unlockedWith === 'environment' ? Object.keys(hotkey.passwordEnv).join('') : 'the prompt';
    print(
      `  wallet    hotkey "${settings.wallet.hotkey}" of wallet "${settings.wallet.name}" unlocked (password from ${source})`,
    );
  }
  const client = await ChainClient.connect({ chainEndpoint: [...settings.chainEndpoints], connectTimeoutMs: 30_000 });
  let report: PreflightReport;
  try {
    report = await runPreflight(settings, client, hotkey.keypair);
  } finally {
    await client.disconnect();
  }
  print(`  hotkey    ${report.hotkey} uid ${report.uid}`);
  if (report.axon !== undefined) {
    const { ip, port, served } = report.axon;
    print(`  axon      ${ip}:${port} ${served ? 'announced now (serve_axon)' : 'already on chain'}`);
  }
  report.notes.forEach((note) => print(`  ${note}`));

  await superviseServices(name, settings, hotkey, print);
}

async function superviseServices(
  name: string,
  settings: NodeSettings,
  hotkey: NodeHotkey,
  print: (line: string) => void,
): Promise<void> {
  const loggingDir = settings.loggingDir === undefined ? undefined : resolve(settings.loggingDir);
  if (loggingDir !== undefined) {
    mkdirSync(loggingDir, { recursive: true });
  }
  let stopping: Promise<void> | undefined;
  const stop = (reason: string, exitCode: number): Promise<void> => {
    stopping ??= (async () => {
      print(`taonode ${name}: stopping (${reason})`);
      // In order, newest first: the gateway and scorer stop taking work before the workers hand theirs back.
      await supervisor.stopAll();
      print(`taonode ${name}: stopped`);
      process.exit(exitCode);
    })();
    return stopping;
  };
  const supervisor = new ProcessSupervisor(
    (child, status) => void stop(`${child} exited unexpectedly (${describeExit(status)})`, EXIT_FAILURE),
  );
  onTerminationSignal((signal) => void stop(signal, 0));
  const ctx: ServiceProcessContext = {
    supervisor,
    logFile: (service) => (loggingDir === undefined ? undefined : join(loggingDir, `${service}.log`)),
    logRotation: settings.logRotation,
    stopGraceMs: SERVICE_STOP_GRACE_MS,
    commonEnv: {},
    // Each service logs JSON lines; they reach stdout as they are, for journald / pm2 to keep.
    onLine: (_service, line) => print(line),
  };
  try {
    const redisUrl =
      settings.redisUrl ??
      (await startPrivateRedis(
        ctx,
        join(homedir(), '.taonode', `redis-${settings.roles.join('-')}-${settings.netuid}`),
      ));
    print(`  redis     ${redactUrl(redisUrl)}`);
    // The hotkey's password variable (if any) goes only to the services that sign; the child env is never printed.
    const opsUrls = await startRoleServices(
      { ...ctx, commonEnv: nodeCommonEnv(settings, redisUrl) },
      settings,
      hotkey.passwordEnv,
    );
    for (const [service, url] of Object.entries(opsUrls)) {
      print(`  ${service.padEnd(20)} health ${url}/health  metrics ${url}/metrics`);
    }
    print(`taonode ${name}: running (children ${supervisor.pids().join(' ')}); SIGTERM or Ctrl-C to stop`);
  } catch (error) {
    await supervisor.stopAll();
    throw error;
  }
}

function describeExit(status: ExitStatus): string {
  return status.signal === null ? `code ${status.code}` : `signal ${status.signal}`;
}
