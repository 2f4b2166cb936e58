import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppProcess,
  type FakeMetagraphServer,
  freePort,
  gatewayProcessEnv,
  type LaunchedRedis,
  startAppProcess,
  startFakeMetagraphServer,
  startRedisServer,
} from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import { type DummyWorker, startDummyWorker } from './support/dummy-worker';
import { ALICE, dummyRequest } from './support/signed-request';

const TAO = 1_000_000_000n;
const AXON_KEY = Keypair.fromUri('//Bob');
/** The gateway's limit on open files (soft and hard: Node raises its soft limit to the hard one at start). */
const OPEN_FILE_LIMIT = 256;
/** More silent connections than the gateway has files, from many addresses (each well below its share). */
const HOG_ADDRESSES = Array.from({ length: 10 }, (_, index) => `127.0.0.${50 + index}`);
const HOG_PER_ADDRESS = 40;

/** Resolves once connected; `undefined` if the connection failed (the kernel may refuse past its backlog). */
function open(port: number, localAddress: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(undefined));
  });
}

/** Sends `Dummy(input)` as raw HTTP/1.1 and resolves with the status (0 when nothing came back within 15 s). */
function askDummy(port: number, axonHotkey: string, input: number): Promise<number> {
  const request = dummyRequest({ axonHotkey, dummyInput: input });
  const head = Object.entries({ ...request.headers, 'content-type': 'application/json' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const bytes = `POST ${request.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}content-length: ${Buffer.byteLength(request.body)}\r\nconnection: close\r\n\r\n${request.body}`;
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.90' });
    let received = '';
    const timer = setTimeout(() => socket.destroy(), 15_000);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
    });
  });
}

/**
 * Past its open-file limit the kernel refuses `accept` before the gateway sees a connection, and no eviction can
 * make room for a validator. The gateway (a real process under `ulimit -n`) lowers its connection cap below that
 * limit, says so once, and from then on hogs are evicted for newcomers as at any cap.
 */
describe('axon-gateway under a small open-file limit, hogged by more connections than it has files', () => {
  let redis: LaunchedRedis | undefined;
  let metagraph: FakeMetagraphServer | undefined;
  let worker: DummyWorker | undefined;
  let gateway: AppProcess | undefined;
  let walletPath: string | undefined;
  let axonPort: number;
  const axonHotkey = AXON_KEY.ss58Address;

  beforeAll(async () => {
    redis = await startRedisServer();
    metagraph = await startFakeMetagraphServer(1, [
      { hotkey: ALICE.ss58Address, stakeRao: 1_000n * TAO, validatorPermit: true },
    ]);
    walletPath = mkdtempSync(join(tmpdir(), 'taonode-nofile-wallet-'));
    await new Wallet({ name: 'miner', hotkey: 'default', path: walletPath }).hotkeyFile.writeKeypair(AXON_KEY);
    axonPort = await freePort();
    const env = gatewayProcessEnv({ redisUrl: redis.url, metagraphUrl: metagraph.url, axonPort, walletPath });
    gateway = await startAppProcess('axon-gateway', env, {
      openFileLimit: OPEN_FILE_LIMIT,
      readyTimeoutMs: 180_000,
    });
    worker = startDummyWorker(redis.url);
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
    await worker?.stop();
    await metagraph?.stop();
    await redis?.stop();
    if (walletPath !== undefined) {
      rmSync(walletPath, { recursive: true, force: true });
    }
  });

  it('lowers its connection cap below the limit, says so, and still answers a validator through the hog', async () => {
    const warning = gateway?.child.output.recent.find((line) => line.includes('AXON_MAX_CONNECTIONS 16384 lowered to'));
    expect(warning).toEqual(expect.stringContaining(`lowered to 192: this process may open ${OPEN_FILE_LIMIT} files`));

    const hog = (
      await Promise.all(
        HOG_ADDRESSES.flatMap((address) => Array.from({ length: HOG_PER_ADDRESS }, () => open(axonPort, address))),
      )
    ).filter((socket): socket is Socket => socket !== undefined);
    for (const socket of hog) {
      socket.on('error', () => undefined);
    }
    try {
      expect(hog.length).toBeGreaterThan(OPEN_FILE_LIMIT);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push(await askDummy(axonPort, axonHotkey, i));
      }
      expect(statuses).toEqual([200, 200, 200]);
    } finally {
      for (const socket of hog) {
        socket.destroy();
      }
    }
  }, 120_000);
});
