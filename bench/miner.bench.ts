import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';
import { hotkeySigner } from '@taonode/dendrite';
import { freePort } from '@taonode/process';
import {
  BaseSynapse,
  Dummy,
  encodeRequest,
  type FieldShape,
  type Signer,
  type SynapseDefinition,
} from '@taonode/protocol';
import { startFakeMetagraphServer, startRedisServer } from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import type { BenchResult, BenchRow } from './bench-result';

const CONCURRENCY = 32;
const WARMUP_MS = 1_000;
const MEASURE_MS = 6_000;
/** Requests signed per connection before the clock starts (enough for ~4,000/s over warm-up + measurement). */
const REQUESTS_PER_LANE = 1_250;
const ROOT = join(__dirname, '..');

interface PreparedRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

interface LoadResult {
  readonly correct: number;
  readonly wrong: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
  /** Statuses of the wrong answers, for the notes. */
  readonly wrongStatuses: Map<number, number>;
  readonly firstWrongBody: string | undefined;
  /** CPU seconds each watched process used during the measured window. */
  readonly cpuSeconds: readonly number[];
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 1/100 s). */
function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) {
    return Number.NaN;
  }
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** One connection's requests: one uuid per connection (as one SDK dendrite), strictly increasing nonces. */
function prepareLane(
  definition: SynapseDefinition<FieldShape>,
  synapse: () => unknown,
  axonHotkey: string,
  signer: Signer,
  startNonce: bigint,
  count: number,
): PreparedRequest[] {
  const uuid = randomUUID();
  const requests: PreparedRequest[] = [];
  for (let index = 0; index < count; index += 1) {
    const encoded = encodeRequest({
      definition,
      synapse: synapse() as never,
      target: { ip: '127.0.0.1', port: 8091, hotkey: axonHotkey },
      dendrite: { ip: '127.0.0.1', uuid },
      // 1 µs apart: strictly increasing per connection, and still close to the clock after thousands of requests.
      nonce: startNonce + BigInt(index) * 1_000n,
      timeoutSeconds: 12,
      signer,
    });
    requests.push({
      path: encoded.path,
      headers: { ...encoded.headers, 'content-type': 'application/json' },
      body: encoded.body,
    });
  }
  return requests;
}

/** Sends each lane's requests back to back on its own keep-alive connection; counts only correct answers. */
async function runLoad(
  url: string,
  lanes: readonly PreparedRequest[][],
  isCorrect: (status: number, body: string) => boolean,
  watched: readonly (number | undefined)[],
): Promise<LoadResult> {
  const start = performance.now();
  const measureFrom = start + WARMUP_MS;
  const stopAt = measureFrom + MEASURE_MS;
  let cpuAtStart: number[] = [];
  let cpuAtEnd: number[] = [];
  const startTimer = setTimeout(() => {
    cpuAtStart = watched.map(cpuSecondsOf);
  }, WARMUP_MS);
  const endTimer = setTimeout(() => {
    cpuAtEnd = watched.map(cpuSecondsOf);
  }, WARMUP_MS + MEASURE_MS);
  let correct = 0;
  let wrong = 0;
  const latenciesMs: number[] = [];
  const wrongStatuses = new Map<number, number>();
  let firstWrongBody: string | undefined;
  await Promise.all(
    lanes.map(async (requests) => {
      const client = new Client(url, { pipelining: 1 });
      try {
        for (const request of requests) {
          const sentAt = performance.now();
          if (sentAt >= stopAt) {
            break;
          }
          const response = await client.request({ ...request, method: 'POST' });
          const body = await response.body.text();
          const doneAt = performance.now();
          if (sentAt >= measureFrom && doneAt <= stopAt) {
            if (isCorrect(response.statusCode, body)) {
              correct += 1;
              latenciesMs.push(doneAt - sentAt);
            } else {
              wrong += 1;
              firstWrongBody ??= body.slice(0, 200);
              wrongStatuses.set(response.statusCode, (wrongStatuses.get(response.statusCode) ?? 0) + 1);
            }
          }
        }
      } finally {
        await client.close();
      }
    }),
  );
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  if (cpuAtEnd.length === 0) {
    cpuAtEnd = watched.map(cpuSecondsOf);
  }
  const cpuSeconds = watched.map((_, index) => (cpuAtEnd[index] ?? Number.NaN) - (cpuAtStart[index] ?? Number.NaN));
  const measuredEnd = Math.min(performance.now(), stopAt);
  return {
    correct,
    wrong,
    seconds: (measuredEnd - measureFrom) / 1000,
    latenciesMs,
    wrongStatuses,
    firstWrongBody,
    cpuSeconds,
  };
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function waitReady(opsUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${opsUrl}/ready`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('axon-gateway did not become ready within 60 s');
}

function row(path: string, result: LoadResult, target: string): BenchRow {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const answered = result.correct + result.wrong;
  const cpuMs = (index: number): number | string => {
    const seconds = result.cpuSeconds[index];
    return seconds === undefined || Number.isNaN(seconds) || answered === 0
      ? ''
      : Number(((seconds * 1000) / answered).toFixed(3));
  };
  return {
    path,
    'correct answers/s': Math.round(result.correct / result.seconds),
    'p50 ms': Number(percentile(sorted, 0.5).toFixed(2)),
    'p99 ms': Number(percentile(sorted, 0.99).toFixed(2)),
    'gateway CPU ms/answer': cpuMs(0),
    'worker CPU ms/answer': cpuMs(1),
    'wrong answers':
      result.wrong === 0
        ? 0
        : `${result.wrong} (${[...result.wrongStatuses].map(([status, count]) => `${status}×${count}`).join(', ')})`,
    target,
  };
}

export default async function minerBench(): Promise<BenchResult> {
  const validator = Keypair.fromUri('//Alice');
  const miner = Keypair.fromUri('//Bob');
  // The WASM sr25519 path, as @taonode/dendrite signs (the wallet's pure-JS signing costs ~1 ms each).
  const validatorSigner = hotkeySigner(validator);
  const redis = await startRedisServer();
  const metagraph = await startFakeMetagraphServer(1, [
    { hotkey: validator.ss58Address, stakeRao: 1_000_000_000_000n, validatorPermit: true },
  ]);
  const walletPath = mkdtempSync(join(os.tmpdir(), 'taonode-bench-wallet-'));
  await new Wallet({ name: 'miner', hotkey: 'default', path: walletPath }).hotkeyFile.writeKeypair(miner);
  const [axonPort, opsPort] = [await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  try {
    children.push(
      spawnNode([join(ROOT, 'bin', 'run-app.js'), 'axon-gateway'], {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        REDIS_URL: redis.url,
        METAGRAPH_GRPC_URL: metagraph.url,
        NETUID: '1',
        WALLET_NAME: 'miner',
        WALLET_HOTKEY: 'default',
        WALLET_PATH: walletPath,
        AXON_HOST: '127.0.0.1',
        AXON_PORT: String(axonPort),
        OPS_HOST: '127.0.0.1',
        OPS_PORT: String(opsPort),
      }),
    );
    children.push(
      spawnNode(
        [
          '-e',
          "require('@swc-node/register'); require('./apps/axon-gateway/test/support/dummy-worker').startDummyWorker(process.env.REDIS_URL);",
        ],
        { REDIS_URL: redis.url },
      ),
    );
    await waitReady(`http://127.0.0.1:${opsPort}`);
    const url = `http://127.0.0.1:${axonPort}`;
    /**
     * Nonces must be fresh at first contact (no older than 4 s + timeout) and never more than 5 s ahead; afterwards
     * only "strictly increasing" applies while the gateway remembers the connection's last nonce. Signing every lane
     * takes tens of seconds on this shared machine, so each lane opens its session right after it is signed: its
     * first request is sent at once (not measured), the rest wait for the clock.
     */
    const lanesOf = async (
      definition: SynapseDefinition<FieldShape>,
      synapse: () => unknown,
    ): Promise<PreparedRequest[][]> => {
      const lanes: PreparedRequest[][] = [];
      for (let lane = 0; lane < CONCURRENCY; lane += 1) {
        const base = BigInt(Date.now()) * 1_000_000n;
        const [opening, ...rest] = prepareLane(
          definition,
          synapse,
          miner.ss58Address,
          validatorSigner,
          base,
          REQUESTS_PER_LANE + 1,
        );
        if (opening !== undefined) {
          const response = await fetch(`${url}${opening.path}`, {
            method: 'POST',
            headers: opening.headers,
            body: opening.body,
          });
          await response.text();
        }
        lanes.push(rest);
      }
      return lanes;
    };
    const signStart = performance.now();
    const dummyLanes = await lanesOf(Dummy, () => Dummy.create({ dummy_input: 4 }));
    const signSeconds = (performance.now() - signStart) / 1000;
    const watched = children.map((child) => child.pid);
    const dummy = await runLoad(
      url,
      dummyLanes,
      (status, body) => status === 200 && body.includes('"dummy_output":8'),
      watched,
    );
    const pingLanes = await lanesOf(BaseSynapse, () => BaseSynapse.create({}));
    const ping = await runLoad(url, pingLanes, (status) => status === 200, watched);
    const load = os.loadavg().map((value) => value.toFixed(2));
    return {
      rows: [
        row(
          'Dummy(4) → 8, full path: parse, verify, nonce, queue, worker, reply bus, signed answer',
          dummy,
          '≥ 3,000/s with p50 ≤ 5 ms',
        ),
        row('Synapse ping, verify-only path: parse, verify, nonce, signed answer (no queue)', ping, ''),
      ],
      notes: [
        `Load generator in the bench process: ${CONCURRENCY} keep-alive connections (undici Client, one request at a time each), one uuid per connection, nonces strictly increasing per connection; requests are Python-format (encodeRequest: json.dumps body, input_obj headers) and signed with //Alice before the clock starts (${CONCURRENCY * REQUESTS_PER_LANE} requests in ${signSeconds.toFixed(1)} s), so signing does not compete with the gateway for the cores.`,
        `${WARMUP_MS / 1000} s warm-up, then ${MEASURE_MS / 1000} s measured; only 200 answers carrying the right output count as correct; latency is request sent → whole answer read.`,
        'axon-gateway runs as its own process (`bin/run-app.js axon-gateway`, defaults: 1 verify thread, rate limit 20,000/s per IP); the worker is a minimal BullMQ worker in its own process (apps/axon-gateway/test/support/dummy-worker.ts, concurrency 64) so the figures measure the gateway path alone — apps/inference-worker landed at the end of this work and the bench does not run it yet; redis-server private; chain-sync replaced by a gRPC MetagraphService stub streaming one metagraph. Everything on the same machine.',
        `The machine was shared with other engineers' work while measuring (load average ${load.join(', ')} for 1, 5, 15 min on ${os.cpus().length} cores).`,
        ...[dummy, ping].flatMap((result) =>
          result.firstWrongBody === undefined ? [] : [`First wrong answer: ${result.firstWrongBody}`],
        ),
        'CPU ms/answer: CPU time (user + system, all threads, from /proc) the gateway process and the worker process used during the measured window, divided by the answers in it — a load-independent cost; 1,000 divided by their sum is what one dedicated core would sustain for those two processes (Redis and the load generator not counted).',
        'Request logging is off in the gateway (ServiceKitModule requestLogs: false). Earlier runs with one pino-http line per request gave 121–322/s on the full path and 1.5–2.1 gateway CPU ms per answer, but at higher machine load, so how much of the difference is logging is not separated.',
        'Not measured yet: text generation tokens/s at batch 1 vs 32 and 1 vs 2 worker processes (need the inference worker).',
      ],
    };
  } finally {
    for (const child of children) {
      child.kill('SIGTERM');
    }
    await Promise.all(
      children.map(
        (child) => new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null))),
      ),
    );
    await metagraph.stop();
    await redis.stop();
    rmSync(walletPath, { recursive: true, force: true });
  }
}
