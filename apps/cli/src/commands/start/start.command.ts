import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { MetagraphWatchClient } from '@taonode/grpc';
import { onTerminationSignal, type ExitStatus } from '@taonode/process';
import type { metagraphV1 } from '@taonode/proto';
import { startLocalNode, type RunningLocalNode } from './local-node';
import { metagraphTable, summaryLine } from './metagraph-view';
import { roundsSummaryText, waitForRounds } from './node-rounds';
import { type NodeStatus, sampleNodeStatus, statusLines } from './node-status';

interface StartFlags {
  readonly netuid: string;
  readonly devnetPort: string;
  readonly blockTime: string;
  readonly dataDir: string;
  readonly metadata?: string;
  readonly axonPort: string;
  readonly rounds?: string;
}

/** How long a `--rounds` run may take before it gives up (rounds, then weights landing on chain). */
const ROUNDS_DEADLINE_MS = 10 * 60_000;
/** How often the live view samples the services' health and metrics. */
const STATUS_INTERVAL_MS = 2_000;

const DEFAULT_DATA_DIRECTORY = join(__dirname, '..', '..', '..', '..', '..', '.cache', 'local-node');

/** `taonode start` (`npm start`): the whole local node, with its metagraph live in the terminal, until Ctrl-C. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the local node: devnet, redis, chain-sync and dev neurons, with the live metagraph')
    .option('--netuid <n>', 'subnet to follow', '1')
    .option('--devnet-port <port>', 'devnet websocket port (0: any free port)', '9944')
    .option('--block-time <ms>', 'devnet block time in milliseconds', '250')
    .option('--data-dir <path>', 'wallets, redis data and logs', DEFAULT_DATA_DIRECTORY)
    .option('--metadata <file>', "the devnet serves this runtime's metadata (V14-V16) instead of spec 233")
    .option('--axon-port <port>', "the miner's axon port (0: any free port)", '8091')
    .option('--rounds <n>', 'exit 0 after this many validator rounds with weights on chain, printing a summary')
    .action(async (flags: StartFlags) => runLocalNode(flags));
}

async function runLocalNode(flags: StartFlags): Promise<void> {
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  const netuid = Number(flags.netuid);
  // Filled in as start-up progresses; a signal can arrive at any point of it.
  const running: { node?: RunningLocalNode; watcher?: MetagraphWatchClient } = {};
  let stopping: Promise<void> | undefined;
  const stop = (reason: string, exitCode: number): Promise<void> => {
    stopping ??= (async () => {
      print(`taonode: stopping (${reason})`);
      running.watcher?.close();
      await running.node?.stop();
      print('taonode: stopped');
      // Every child is gone: end here, whatever handle (a stream being re-opened, a timer) would keep us alive.
      process.exit(exitCode);
    })();
    return stopping;
  };
  // A closed terminal (SIGHUP) stops the node like Ctrl-C; if this process is killed outright, the children's
  // lifelines end them.
  onTerminationSignal((signal) => void stop(signal === 'SIGINT' ? 'Ctrl-C' : signal, 0));

  print('taonode: starting the local node');
  const node = await startLocalNode(
    {
      dataDirectory: flags.dataDir,
      devnetPort: Number(flags.devnetPort),
      blockTimeMs: Number(flags.blockTime),
      axonPort: Number(flags.axonPort),
      metadataFile: flags.metadata === undefined ? undefined : resolve(flags.metadata),
      netuid,
      redisUrl: process.env.REDIS_URL,
      progress: (line) => print(`  ${line}`),
    },
    (name, status) =>
      void stop(`${name} exited unexpectedly (${describeExit(status)}); logs in ${flags.dataDir}/logs`, 1),
  );
  running.node = node;
  print(`taonode: running (children ${node.childPids.join(' ')}); logs in ${node.logDirectory}; Ctrl-C to stop`);

  const interactive = process.stdout.isTTY && flags.rounds === undefined;
  const watcher = new MetagraphWatchClient(node.metagraphGrpcAddress);
  running.watcher = watcher;
  let latest: metagraphV1.WatchMetagraphResponse | undefined;
  let status: NodeStatus | undefined;
  const render = (): void => {
    if (latest !== undefined) {
      const lines = status === undefined ? [] : statusLines(status);
      process.stdout.write(`\x1b[2J\x1b[H${metagraphTable(latest)}\n\n${lines.join('\n')}\n\nCtrl-C to stop\n`);
    }
  };
  watcher.watch(netuid, {
    onMetagraph: (metagraph, freshness) => {
      latest = { metagraph, freshness };
      if (interactive) {
        render();
      } else {
        print(summaryLine(latest));
      }
    },
  });
  if (interactive) {
    // Service health and the miner's and validator's progress, sampled one at a time (never overlapping).
    void (async () => {
      while (stopping === undefined) {
        status = await sampleNodeStatus(node.opsUrls, status);
        render();
        await new Promise((resolve) => setTimeout(resolve, STATUS_INTERVAL_MS));
      }
    })();
  }

  if (flags.rounds !== undefined) {
    const rounds = Number(flags.rounds);
    try {
      const summary = await waitForRounds(node, rounds, () => latest?.metagraph, Date.now() + ROUNDS_DEADLINE_MS);
      print(roundsSummaryText(node, summary));
      await stop(`${rounds} rounds done`, 0);
    } catch (error) {
      print(`taonode: ${error instanceof Error ? error.message : String(error)}`);
      await stop('--rounds did not complete', 1);
    }
  }
}

function describeExit(status: ExitStatus): string {
  return status.signal === null ? `code ${status.code}` : `signal ${status.signal}`;
}
