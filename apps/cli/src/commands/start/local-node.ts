import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { redactUrl } from '@taonode/observability';
import { freePort, ProcessSupervisor, type ExitStatus } from '@taonode/process';
import { startChainSyncProcess, startPrivateRedis } from '../../cli/service-processes';
import {
  assertDevWalletsReplaceable,
  DEV_NEURONS,
  devWalletPath,
  registerDevNeurons,
  type RegisteredDevNeuron,
} from './dev-neurons';
import { LOCAL_AXON_IP, startNodeServices } from './node-services';
import { writePrometheusConfig } from './prometheus-config';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..', '..');
const TAONODE_BIN = join(REPO_ROOT, 'bin', 'taonode.js');

export interface LocalNodeOptions {
  readonly dataDirectory: string;
  readonly devnetPort: number;
  readonly blockTimeMs: number;
  /**
   * Passed to the devnet as `--metadata` (an absolute path): the runtime the whole stack runs on, with
   * commit-reveal on (`--commit-reveal on`) as on finney.
   */
  readonly metadataFile?: string;
  readonly netuid: number;
  /** The miner's axon port (8091, as the Python axon; 0: any free port). */
  readonly axonPort: number;
  /** Use this Redis instead of starting a private redis-server. */
  readonly redisUrl?: string;
  readonly progress: (line: string) => void;
}

export interface RunningLocalNode {
  readonly netuid: number;
  readonly chainEndpoint: string;
  readonly redisUrl: string;
  readonly metagraphGrpcAddress: string;
  /** Where validators reach the local miner (the announced address). */
  readonly axonUrl: string;
  readonly opsUrls: Readonly<Record<string, string>>;
  readonly neurons: readonly RegisteredDevNeuron[];
  readonly logDirectory: string;
  readonly childPids: readonly number[];
  stop(): Promise<void>;
}

/**
 * The whole local stack as processes: devnet (fast blocks), a private redis-server with append-only persistence
 * (unless a Redis URL is given), chain-sync following the devnet, and two dev neurons registered on the subnet.
 * Every child is stopped by `stop()`, and by the supervisor if start-up fails half way.
 */
export async function startLocalNode(
  options: LocalNodeOptions,
  onChildExit: (name: string, status: ExitStatus) => void,
): Promise<RunningLocalNode> {
  // Refuse a data directory holding someone's real wallets before anything is started.
  await assertDevWalletsReplaceable(devWalletPath(options.dataDirectory));
  const logDirectory = join(options.dataDirectory, 'logs');
  mkdirSync(logDirectory, { recursive: true });
  const logFile = (name: string): string => join(logDirectory, `${name}.log`);
  // Every child runs under @taonode/process's lifeline: it dies with this process however this process ends.
  const supervisor = new ProcessSupervisor(onChildExit);
  try {
    const processes = { supervisor, logFile, commonEnv: {} };
    const redisUrl = options.redisUrl ?? (await startPrivateRedis(processes, join(options.dataDirectory, 'redis')));
    options.progress(`redis     ${redactUrl(redisUrl)}`);

    const devnet = await supervisor.start({
      name: 'devnet',
      command: process.execPath,
      args: [
        TAONODE_BIN,
        'devnet',
        '--port',
        String(options.devnetPort),
        '--block-time',
        `${options.blockTimeMs}ms`,
        // Another runtime (today's) runs as finney does: commit-reveal on, so the validator commits timelocked
        // where the runtime has it and the devnet's drand beacon reveals.
        ...(options.metadataFile === undefined ? [] : ['--metadata', options.metadataFile, '--commit-reveal', 'on']),
      ],
      readyLine: /devnet: listening on (ws:\/\/\S+)/,
      ports: [options.devnetPort],
      logFile: logFile('devnet'),
    });
    const chainEndpoint = devnet.ready?.[1] ?? '';
    options.progress(`devnet    ${chainEndpoint} (block time ${options.blockTimeMs} ms)`);

    const chainSync = await startChainSyncProcess(
      {
        supervisor,
        logFile,
        commonEnv: {
          REDIS_URL: redisUrl,
          SUBTENSOR_CHAIN_ENDPOINT: chainEndpoint,
          LOG_LEVEL: 'info',
          NODE_ENV: 'production',
        },
      },
      {
        netuid: options.netuid,
        env: {
          CHAIN_SYNC_BLOCK_TIME_MS: String(options.blockTimeMs),
          // The devnet assembles runtime API answers in TypeScript; storage reads are the faster path against it.
          CHAIN_SYNC_METAGRAPH_SOURCE: 'storage',
        },
      },
    );
    const chainSyncOps = chainSync.opsUrl;
    options.progress(`chain-sync gRPC ${chainSync.grpcAddress}, metrics ${chainSyncOps}/metrics`);

    const walletPath = devWalletPath(options.dataDirectory);
    const axonPort = options.axonPort === 0 ? await freePort() : options.axonPort;
    const specs = DEV_NEURONS.map((spec) =>
      spec.axon === undefined ? spec : { ...spec, axon: { ip: LOCAL_AXON_IP, port: axonPort } },
    );
    const neurons = await registerDevNeurons(chainEndpoint, walletPath, options.netuid, specs);
    for (const neuron of neurons) {
      options.progress(`neuron    ${neuron.walletName} uid ${neuron.uid} ${neuron.hotkey} (wallet ${walletPath})`);
    }
    const services = await startNodeServices({
      supervisor,
      logFile,
      redisUrl,
      chainEndpoint,
      metagraphGrpcUrl: chainSync.grpcAddress,
      netuid: options.netuid,
      walletPath,
      axonPort,
      blockTimeMs: options.blockTimeMs,
      progress: options.progress,
    });
    const opsUrls = { 'chain-sync': chainSyncOps, ...services.opsUrls };
    options.progress(
      `metrics   Prometheus scrape config ${await writePrometheusConfig(options.dataDirectory, opsUrls)}`,
    );
    return {
      netuid: options.netuid,
      chainEndpoint,
      redisUrl,
      metagraphGrpcAddress: chainSync.grpcAddress,
      axonUrl: services.axonUrl,
      opsUrls,
      neurons,
      logDirectory,
      childPids: supervisor.pids(),
      stop: () => supervisor.stopAll(),
    };
  } catch (error) {
    await supervisor.stopAll();
    throw error;
  }
}
