import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import WebSocket, { type RawData } from 'ws';
import { startDevnet, type LaunchedDevnet } from '@taonode/testing';
import type { BenchResult, BenchRow } from './bench-result';

const EXTRINSICS_PER_BLOCK = 100;
const MEASURED_BLOCKS = 10;
const METAGRAPH_NEURONS = 256;
const METAGRAPH_CALLS = 50;
const TAO = 1_000_000_000n;
/** The client-side signed extensions without data (subtensor.md §2.3). */
const SIGNED_EXTENSIONS = {
  SubtensorSignedExtension: { extrinsic: {}, payload: {} },
  CommitmentsSignedExtension: { extrinsic: {}, payload: {} },
};

/** A pipelining JSON-RPC client: many requests in flight on one socket, answers matched by id. */
class RpcClient {
  private nextId = 0;
  private readonly pending = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: RawData) => {
      const reply = JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as {
        id: number;
        result?: unknown;
        error?: { message: string };
      };
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  static open(url: string): Promise<RpcClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new RpcClient(socket)));
      socket.once('error', reject);
    });
  }

  call<T>(method: string, params: unknown[] = []): Promise<T> {
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) =>
        reply.error ? reject(new Error(reply.error.message)) : resolve(reply.result as T),
      );
      this.socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

const ms = (value: number): number => Number(value.toFixed(1));

/** Signs `count` blocks' worth of transfers: sender i sends its k-th transfer with nonce k (immortal). */
async function presign(api: ApiPromise, senders: readonly KeyringPair[], blocks: number): Promise<string[][]> {
  const build = api.tx.balances?.transferKeepAlive;
  if (!build) {
    throw new Error('balances.transferKeepAlive is not decorated');
  }
  const receiver = new Keyring({ type: 'sr25519' }).addFromUri('//Bob').address;
  const perBlock: string[][] = [];
  for (let block = 0; block < blocks; block += 1) {
    const signed = await Promise.all(
      senders.map((sender) => build(receiver, 1_000n).signAsync(sender, { nonce: block, era: 0 })),
    );
    perBlock.push(signed.map((extrinsic) => extrinsic.toHex()));
  }
  return perBlock;
}

/** Block production with `EXTRINSICS_PER_BLOCK` signed transfers per block, over RPC like a real client. */
async function blockProduction(keyring: Keyring): Promise<BenchRow[]> {
  const senders = Array.from({ length: EXTRINSICS_PER_BLOCK }, (_, i) => keyring.addFromUri(`//BenchSender//${i}`));
  const devnet = await startDevnet({
    genesis: {
      sudo: '//Alice',
      balances: [
        ['//Alice', (1_000_000n * TAO).toString()],
        ...senders.map((s) => [s.address, (1_000n * TAO).toString()]),
      ],
    },
  });
  const api = await ApiPromise.create({
    provider: new WsProvider(devnet.url),
    signedExtensions: SIGNED_EXTENSIONS,
    noInitWarn: true,
  });
  const rpc = await RpcClient.open(devnet.url);
  const probe = await RpcClient.open(devnet.url);
  try {
    const blocks = await presign(api, senders, MEASURED_BLOCKS + 1);
    const submitMs: number[] = [];
    const buildMs: number[] = [];
    const stallMs: number[] = [];
    let included = 0;
    for (const [index, extrinsics] of blocks.entries()) {
      const submitStart = performance.now();
      await Promise.all(extrinsics.map((hex) => rpc.call('author_submitExtrinsic', [hex])));
      const submitted = performance.now() - submitStart;
      // Ping the node while it builds: the slowest answer is the longest event-loop stall clients see.
      let isBuilding = true;
      const pings: number[] = [];
      const pinger = (async () => {
        while (isBuilding) {
          const start = performance.now();
          await probe.call('system_health');
          pings.push(performance.now() - start);
        }
      })();
      const buildStart = performance.now();
      const hash = await rpc.call<string>('dev_newBlock', [{ count: 1 }]);
      const built = performance.now() - buildStart;
      isBuilding = false;
      await pinger;
      const block = await rpc.call<{ block: { extrinsics: string[] } }>('chain_getBlock', [hash]);
      if (index === 0) {
        continue; // warm-up block: JIT and caches
      }
      included += block.block.extrinsics.length - 1;
      submitMs.push(submitted);
      buildMs.push(built);
      stallMs.push(Math.max(0, ...pings));
    }
    const median = (values: number[]) => percentile(values, 0.5);
    return [
      {
        measurement: `submit ${EXTRINSICS_PER_BLOCK} signed transfers (author_submitExtrinsic, pipelined)`,
        'median ms': ms(median(submitMs)),
        'p95 ms': ms(percentile(submitMs, 0.95)),
        'per extrinsic ms': ms(median(submitMs) / EXTRINSICS_PER_BLOCK),
      },
      {
        measurement: `build a block of ${EXTRINSICS_PER_BLOCK} transfers (dev_newBlock round trip)`,
        'median ms': ms(median(buildMs)),
        'p95 ms': ms(percentile(buildMs, 0.95)),
        'per extrinsic ms': ms(median(buildMs) / EXTRINSICS_PER_BLOCK),
      },
      {
        measurement: 'longest system_health answer while a block builds (event-loop stall)',
        'median ms': ms(median(stallMs)),
        'p95 ms': ms(percentile(stallMs, 0.95)),
        'per extrinsic ms': '',
      },
      {
        measurement: `transfers included over ${MEASURED_BLOCKS} blocks`,
        'median ms': included,
        'p95 ms': '',
        'per extrinsic ms': '',
      },
    ];
  } finally {
    rpc.close();
    probe.close();
    await api.disconnect();
    await devnet.stop();
  }
}

/** `SubnetInfoRuntimeApi_get_metagraph` latency over `state_call` for a full 256-neuron subnet. */
async function metagraphLatency(keyring: Keyring): Promise<BenchRow[]> {
  const hotkeys = Array.from(
    { length: METAGRAPH_NEURONS - 1 },
    (_, i) => keyring.addFromUri(`//BenchNeuron//${i}`).address,
  );
  const devnet: LaunchedDevnet = await startDevnet({
    genesis: {
      sudo: '//Alice',
      balances: [
        ['//Alice', (1_000_000n * TAO).toString()],
        ['//Bob', (1_000_000n * TAO).toString()],
      ],
      subtensor: {
        subnets: [
          {
            netuid: 1,
            ownerColdkey: '//Alice',
            ownerHotkey: '//Alice//hot',
            hyperparameters: { maxAllowedUids: METAGRAPH_NEURONS },
            neurons: hotkeys.map((hotkey, i) => ({ hotkey, coldkey: '//Bob', stake: String(1_000_000 * (i + 1)) })),
          },
        ],
      },
    },
  });
  const rpc = await RpcClient.open(devnet.url);
  try {
    const latencies: number[] = [];
    let bytes = 0;
    for (let call = 0; call <= METAGRAPH_CALLS; call += 1) {
      const start = performance.now();
      const result = await rpc.call<string>('state_call', ['SubnetInfoRuntimeApi_get_metagraph', '0x0100']);
      if (call > 0) {
        latencies.push(performance.now() - start);
      }
      bytes = (result.length - 2) / 2;
    }
    return [
      {
        measurement: `get_metagraph(1), ${METAGRAPH_NEURONS} neurons, state_call round trip (${METAGRAPH_CALLS} calls, ${bytes.toLocaleString('en-US')} B answer)`,
        'median ms': ms(percentile(latencies, 0.5)),
        'p95 ms': ms(percentile(latencies, 0.95)),
        'per extrinsic ms': '',
      },
    ];
  } finally {
    rpc.close();
    await devnet.stop();
  }
}

export default async function devnetBench(): Promise<BenchResult> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const production = await blockProduction(keyring);
  const metagraph = await metagraphLatency(keyring);
  return {
    rows: [...production, ...metagraph],
    notes: [
      'The devnet runs as a child process (`taonode devnet --manual --port 0`) and is driven over websocket JSON-RPC, as clients drive it.',
      `Each block carries ${EXTRINSICS_PER_BLOCK} signed transfer_keep_alive from ${EXTRINSICS_PER_BLOCK} distinct senders; the first block is a warm-up and not counted.`,
      'Submission includes decoding, the sr25519 signature check and the pool checks; block building re-checks nonce, era and fees (signatures are cached from submission) and dispatches.',
      'The stall row is the slowest `system_health` answer from a second connection pinging while `dev_newBlock` runs: block building yields to the event loop every 10 ms.',
    ],
  };
}
