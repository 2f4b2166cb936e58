import { type ChildProcess, spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { Client } from 'undici';
import { Keypair } from '@taonode/wallet';
import type { DummyWorker } from './support/dummy-worker';
import { type GatewayStack, startGatewayStack } from './support/gateway-stack';
import type { RunningGateway } from './support/gateway.app';
import { ALICE, dummyRequest } from './support/signed-request';

const TAO = 1_000_000_000n;
const MALLORY = Keypair.fromUri('//Mallory');
/** Per-IP caps of this gateway: small, so that the attackers reach them whatever the machine's speed. */
const MAX_CONNECTIONS_PER_IP = 16;
/** The validator's bucket (burst 60, 1 token/s) holds its 40 requests; a flood of 400 can never fit in it. */
const RATE_LIMIT = { AXON_RATE_LIMIT_PER_SECOND: '1', AXON_RATE_LIMIT_BURST: '60' };
const VALIDATOR_REQUESTS = 40;

/** Each attacker speaks from its own loopback address (Linux routes all of 127.0.0.0/8 to this host). */
const ATTACKER = {
  silentConnections: '127.0.0.3',
  slowHeads: '127.0.0.4',
  garbage: '127.0.0.5',
  oversized: '127.0.0.6',
  forgedSignatures: '127.0.0.7',
  unregistered: '127.0.0.8',
} as const;
/** A validator and a connection hog behind one address (the same host, a NAT, a cloud egress IP). */
const SHARED_ADDRESS = '127.0.0.9';
const EVICTED_TOTAL = /^taonode_gateway_connections_evicted_total(?:\{[^}]*\})? (\d+)$/m;

function open(port: number, localAddress: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with what the server sent once it closes the connection (or the socket errors). */
function closed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
    });
    socket.once('error', () => undefined);
    socket.once('close', () => resolve(received));
  });
}

/** Opens `count` connections from `localAddress` and sends nothing on them. */
async function silentConnections(port: number, localAddress: string, count: number): Promise<string[]> {
  const sockets = await Promise.all(
    Array.from({ length: count }, () => open(port, localAddress).catch(() => undefined)),
  );
  return Promise.all(sockets.map((socket) => (socket === undefined ? Promise.resolve('') : closed(socket))));
}

/** Sends a request head one byte every `pauseMs` until the server closes the connection. */
async function slowHead(port: number, localAddress: string, pauseMs: number): Promise<string> {
  const socket = await open(port, localAddress);
  const head = `POST /Dummy HTTP/1.1\r\nhost: x\r\n${'x-slow: 1\r\n'.repeat(400)}`;
  const done = closed(socket);
  let index = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || index >= head.length) {
      clearInterval(timer);
      return;
    }
    socket.write(head[index] ?? '');
    index += 1;
  }, pauseMs);
  const received = await done;
  clearInterval(timer);
  return received;
}

/** Writes `bytes` on a fresh connection and returns what the server answered before closing it. */
async function rawOnce(port: number, localAddress: string, bytes: Buffer | string): Promise<string> {
  const socket = await open(port, localAddress);
  const done = closed(socket);
  socket.write(bytes);
  // A server that answers but keeps the connection is closed from here once the answer is in.
  socket.once('data', () => setTimeout(() => socket.end(), 50));
  return done;
}

/** A signed request's headers as head lines, with the JSON content type a dendrite sends. */
function headerLines(headers: Record<string, string>): string {
  return Object.entries({ ...headers, 'content-type': 'application/json' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
}

/** The request as bytes on the wire (what a dendrite's HTTP client writes). */
function wireBytes(request: { path: string; headers: Record<string, string>; body: string }): string {
  const length = Buffer.byteLength(request.body);
  return `POST ${request.path} HTTP/1.1\r\nhost: x\r\ncontent-length: ${length}\r\n${headerLines(request.headers)}\r\n${request.body}`;
}

/** One request on a kept-alive raw connection: its status and body, or a rejection if the server closes it. */
function exchange(socket: Socket, bytes: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || socket.readableEnded) {
      reject(new Error('the gateway had closed the connection'));
      return;
    }
    let received = Buffer.alloc(0);
    const onData = (data: Buffer): void => {
      received = Buffer.concat([received, data]);
      const headEnd = received.indexOf('\r\n\r\n');
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(received.toString('latin1'))?.[1] ?? -1);
      if (headEnd < 0 || length < 0 || received.length < headEnd + 4 + length) {
        return;
      }
      socket.off('data', onData);
      socket.off('close', onClose);
      const text = received.toString('utf8');
      resolve({ status: statusOf(text), body: received.subarray(headEnd + 4).toString('utf8') });
    };
    const onClose = (): void => reject(new Error('the gateway closed the connection'));
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(bytes);
  });
}

/** A validator's signed head declaring a 100 MB body: it passes every head check, so the size check answers. */
function hugeBodyHead(axonHotkey: string): string {
  const request = dummyRequest({ axonHotkey });
  return `POST ${request.path} HTTP/1.1\r\nhost: x\r\ncontent-length: 104857600\r\n${headerLines(request.headers)}\r\n{"dummy_input":`;
}

function statusOf(raw: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
}

/** Pseudo-random bytes from a fixed seed (the test is the same on every run). */
function noise(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** Sends signed requests from `localAddress` over `lanes` keep-alive connections; returns the statuses. */
async function flood(
  url: string,
  localAddress: string,
  lanes: number,
  perLane: number,
  request: () => { path: string; headers: Record<string, string>; body: string },
): Promise<number[]> {
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      const client = new Client(url, { localAddress });
      try {
        for (let i = 0; i < perLane; i += 1) {
          const { path, headers, body } = request();
          const response = await client.request({
            path,
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body,
          });
          await response.body.text();
          statuses.push(response.statusCode);
        }
      } catch {
        statuses.push(0);
      } finally {
        await client.close().catch(() => undefined);
      }
    }),
  );
  return statuses;
}

interface DummyAnswer {
  readonly status: number;
  readonly output: unknown;
}

/** `Dummy(input)` on `socket`: the status and, for a 200, `dummy_output`. */
async function dummyOn(socket: Socket, gateway: RunningGateway, input: number): Promise<DummyAnswer> {
  const answer = await exchange(socket, wireBytes(dummyRequest({ axonHotkey: gateway.hotkey, dummyInput: input })));
  const output =
    answer.status === 200 ? (JSON.parse(answer.body) as { dummy_output: unknown }).dummy_output : undefined;
  return { status: answer.status, output };
}

interface HogScenario {
  readonly validatorAddress: string;
  /** The hog's addresses, its connections spread over them in turn. */
  readonly hogAddresses: readonly string[];
  /** Silent connections the hog holds before the validator arrives (the cap under test). */
  readonly holdCount: number;
  /** Further connections it opens while the validator holds a proven keep-alive connection. */
  readonly floodCount: number;
}

/**
 * A validator beside a connection hog. Once the hog holds its connections, five dendrite calls on a fresh connection
 * each must be answered; then, while the validator holds a keep-alive connection that carried a verified answer,
 * the hog opens more; a probe opened after them must be answered (accepts are handled in arrival order, so the
 * gateway has seen all of the hog's by then), and so must the validator's next request on its proven connection.
 * Resolves with the connections evicted meanwhile.
 */
async function validatorBesideHog(gateway: RunningGateway, scenario: HogScenario): Promise<number> {
  const { port } = gateway;
  const hog: Socket[] = [];
  const hogOpens = async (count: number): Promise<void> => {
    const addresses = scenario.hogAddresses;
    const sockets = await Promise.all(
      Array.from({ length: count }, (_, index) => open(port, addresses[index % addresses.length] ?? '127.0.0.1')),
    );
    for (const socket of sockets) {
      socket.on('error', () => undefined);
      hog.push(socket);
    }
  };
  /** `Dummy(input)` on a connection of its own, closed afterwards. */
  const freshCall = async (input: number): Promise<DummyAnswer> => {
    const socket = await open(port, scenario.validatorAddress);
    try {
      return await dummyOn(socket, gateway, input);
    } finally {
      socket.destroy();
    }
  };
  try {
    await hogOpens(scenario.holdCount);
    const fresh: DummyAnswer[] = [];
    for (let i = 0; i < 5; i += 1) {
      fresh.push(await freshCall(i));
    }
    expect(fresh).toEqual(Array.from({ length: 5 }, (_, i) => ({ status: 200, output: i * 2 })));

    const validator = await open(port, scenario.validatorAddress);
    try {
      expect((await dummyOn(validator, gateway, 20)).status).toBe(200);
      const evictedBefore = await metric(gateway, EVICTED_TOTAL);
      await hogOpens(scenario.floodCount);
      expect((await freshCall(1)).status).toBe(200);
      const evicted = (await metric(gateway, EVICTED_TOTAL)) - evictedBefore;
      expect(await dummyOn(validator, gateway, 21)).toEqual({ status: 200, output: 42 });
      return evicted;
    } finally {
      validator.destroy();
    }
  } finally {
    for (const socket of hog) {
      socket.destroy();
    }
  }
}

async function metric(gateway: RunningGateway, line: RegExp): Promise<number> {
  const text = await (await fetch(`${gateway.opsUrl}/metrics`)).text();
  return Number(line.exec(text)?.[1] ?? 0);
}

describe('axon-gateway under hostile traffic while a validator keeps querying (real HTTP, Redis, gRPC)', () => {
  let stack: GatewayStack | undefined;
  let gateway: RunningGateway;
  let worker: DummyWorker;

  beforeAll(async () => {
    stack = await startGatewayStack([{ hotkey: ALICE.ss58Address, stakeRao: 1_000n * TAO, validatorPermit: true }], {
      ...RATE_LIMIT,
      AXON_MAX_CONNECTIONS_PER_IP: String(MAX_CONNECTIONS_PER_IP),
      AXON_HEADERS_TIMEOUT_MS: '3000',
      AXON_MAX_BODY_BYTES: '65536',
    });
    ({ gateway, worker } = stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers every validator request correctly while six attackers run, and refuses each attacker as it should', async () => {
    const validatorAnswers: { status: number; output: unknown }[] = [];
    const validator = (async () => {
      // One keep-alive connection, as a dendrite's session; each request waits for the previous answer.
      const client = new Client(gateway.url);
      try {
        for (let i = 0; i < VALIDATOR_REQUESTS; i += 1) {
          const request = dummyRequest({ axonHotkey: gateway.hotkey, dummyInput: i });
          const response = await client.request({
            path: request.path,
            method: 'POST',
            headers: { ...request.headers, 'content-type': 'application/json' },
            body: request.body,
          });
          const body = await response.body.text();
          validatorAnswers.push({
            status: response.statusCode,
            output: response.statusCode === 200 ? (JSON.parse(body) as { dummy_output: unknown }).dummy_output : body,
          });
        }
      } finally {
        await client.close();
      }
    })();

    const port = gateway.port;
    const [silent, slow, garbage, oversizedBodies, oversizedHeads, forged, unregistered] = await Promise.all([
      silentConnections(port, ATTACKER.silentConnections, MAX_CONNECTIONS_PER_IP * 4),
      Promise.all(Array.from({ length: 8 }, () => slowHead(port, ATTACKER.slowHeads, 20))),
      Promise.all(
        Array.from({ length: 40 }, (_, seed) =>
          rawOnce(port, ATTACKER.garbage, Buffer.concat([noise(seed + 1, 2048), Buffer.from('\r\n\r\n')])),
        ),
      ),
      Promise.all(Array.from({ length: 10 }, () => rawOnce(port, ATTACKER.oversized, hugeBodyHead(gateway.hotkey)))),
      Promise.all(
        Array.from({ length: 10 }, () =>
          rawOnce(
            port,
            ATTACKER.oversized,
            `POST /Dummy HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
          ),
        ),
      ),
      flood(gateway.url, ATTACKER.forgedSignatures, 8, 50, () => {
        const request = dummyRequest({ axonHotkey: gateway.hotkey });
        // Alice's claim with another key's signature.
        const forgedBy = dummyRequest({ axonHotkey: gateway.hotkey, signer: MALLORY });
        return {
          ...request,
          headers: {
            ...request.headers,
            bt_header_dendrite_signature: forgedBy.headers.bt_header_dendrite_signature ?? '',
          },
        };
      }),
      flood(gateway.url, ATTACKER.unregistered, 4, 25, () =>
        dummyRequest({ axonHotkey: gateway.hotkey, signer: MALLORY }),
      ),
    ]);
    await validator;

    // The validator: every request answered 200 with its own output.
    expect(validatorAnswers).toEqual(
      Array.from({ length: VALIDATOR_REQUESTS }, (_, i) => ({ status: 200, output: i * 2 })),
    );
    // Silent connections: beyond the per-IP cap each newcomer closes the oldest (evicted, no answer); the last
    // cap-many are closed by the head timeout.
    expect(silent).toHaveLength(MAX_CONNECTIONS_PER_IP * 4);
    const timedOut = silent.filter((received) => statusOf(received) === 408).length;
    expect(timedOut).toBeLessThanOrEqual(MAX_CONNECTIONS_PER_IP);
    const closedUnanswered = silent.filter((received) => received === '').length;
    expect(closedUnanswered).toBe(MAX_CONNECTIONS_PER_IP * 4 - timedOut);
    expect(await metric(gateway, EVICTED_TOTAL)).toBeGreaterThanOrEqual(closedUnanswered);
    // Heads dribbled byte by byte: cut off (408, or closed) long before they are whole.
    for (const received of slow) {
      expect([0, 408]).toContain(statusOf(received));
    }
    // Bytes that are not HTTP: 400 (or closed) — never a 5xx, never an answer the pipeline produced.
    for (const received of garbage) {
      expect([0, 400]).toContain(statusOf(received));
    }
    // A declared 100 MB body: 413 before it is read; a 64 KB header: 431.
    for (const received of oversizedBodies) {
      expect(statusOf(received)).toBe(413);
    }
    for (const received of oversizedHeads) {
      expect([431, 0]).toContain(statusOf(received));
    }
    // Forged signatures: 401 until the IP's bucket is empty, then 429; never a 200 or a 5xx.
    expect(forged).toHaveLength(400);
    expect(new Set(forged)).toEqual(new Set([401, 429]));
    // A hotkey the metagraph does not know: 403 (then 429), before any signature work.
    expect(new Set(unregistered).has(200)).toBe(false);
    expect(unregistered).toContain(403);
    for (const status of unregistered) {
      expect([403, 429]).toContain(status);
    }
    // No job ran for any attacker: the worker saw the validator's requests only.
    expect(worker.taken()).toBe(VALIDATOR_REQUESTS);
  }, 600_000);

  it('serves a validator that shares its address with a connection hog, and never closes its proven connection', async () => {
    // The hog holds the address's whole share, then opens twice as many more: each newcomer takes the place of the
    // hog's oldest silent connection instead of being refused, and the proven connection is never the one closed.
    const evicted = await validatorBesideHog(gateway, {
      validatorAddress: SHARED_ADDRESS,
      hogAddresses: [SHARED_ADDRESS],
      holdCount: MAX_CONNECTIONS_PER_IP,
      floodCount: 2 * MAX_CONNECTIONS_PER_IP,
    });
    expect(evicted).toBeGreaterThan(0);
  }, 120_000);
});

describe('axon-gateway at its cap on all connections, held by hogs from many addresses (real HTTP, Redis, gRPC)', () => {
  /** Small, so that hogs reach it whatever the machine; each hog address stays below its own share. */
  const MAX_CONNECTIONS = 24;
  const HOG_ADDRESSES = Array.from({ length: 8 }, (_, index) => `127.0.0.${20 + index}`);
  const VALIDATOR_ADDRESS = '127.0.0.40';
  let stack: GatewayStack | undefined;
  let gateway: RunningGateway;

  beforeAll(async () => {
    stack = await startGatewayStack([{ hotkey: ALICE.ss58Address, stakeRao: 1_000n * TAO, validatorPermit: true }], {
      AXON_MAX_CONNECTIONS: String(MAX_CONNECTIONS),
      AXON_MAX_CONNECTIONS_PER_IP: String(MAX_CONNECTIONS_PER_IP),
      AXON_HEADERS_TIMEOUT_MS: '60000',
    });
    ({ gateway } = stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('admits a validator by closing hog connections, and never closes its proven one', async () => {
    // Three silent connections from each of eight addresses hold the whole cap, no address near its own share;
    // then twice the cap more: they push out only hog connections, each of them one.
    const evicted = await validatorBesideHog(gateway, {
      validatorAddress: VALIDATOR_ADDRESS,
      hogAddresses: HOG_ADDRESSES,
      holdCount: MAX_CONNECTIONS,
      floodCount: 2 * MAX_CONNECTIONS,
    });
    expect(evicted).toBeGreaterThanOrEqual(2 * MAX_CONNECTIONS);
  }, 120_000);
});

describe("axon-gateway flooded with forged signatures claiming the validator's own hotkey (real HTTP, Redis, gRPC)", () => {
  /** Small, so that the flood fills it whatever the machine; the rate limit left at its default (20,000/s). */
  const MAX_IN_FLIGHT = 64;
  const SHED_SUSPECT = /^taonode_gateway_shed_total\{standing="suspect"[^}]*\} (\d+)$/m;
  const REFUSED_401 = /^taonode_gateway_requests_total\{[^}]*status="401"[^}]*\} (\d+)$/m;
  let stack: GatewayStack | undefined;
  let gateway: RunningGateway;
  let attacker: ChildProcess | undefined;

  beforeAll(async () => {
    stack = await startGatewayStack([{ hotkey: ALICE.ss58Address, stakeRao: 1_000n * TAO, validatorPermit: true }], {
      AXON_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
    });
    ({ gateway } = stack);
  });

  afterAll(async () => {
    attacker?.kill('SIGKILL');
    await stack?.stop();
  });

  it('keeps answering the validator on its proven connection and on a new one from elsewhere while the forgeries fill every slot they may', async () => {
    // A validator's connection that already carried a verified answer.
    const validator = await open(gateway.port, '127.0.0.1');
    try {
      expect((await dummyOn(validator, gateway, 1)).status).toBe(200);

      // Its hotkey is public: the attacker claims it (the largest stake) with a broken signature, pipelining the
      // same forged request on 4 connections from the validator's own address, in a process of its own.
      const request = dummyRequest({ axonHotkey: gateway.hotkey });
      const signature = request.headers.bt_header_dendrite_signature ?? '';
      const forgedSignature = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
      const forged = wireBytes({
        ...request,
        headers: {
          ...request.headers,
          bt_header_dendrite_signature: forgedSignature,
          'content-type': 'application/json',
        },
      });
      const script = `
        const net = require('node:net');
        const bytes = process.env.FORGED.repeat(16);
        for (let i = 0; i < 4; i += 1) {
          const socket = net.connect({ port: Number(process.env.PORT), host: '127.0.0.1', localAddress: '127.0.0.1' });
          socket.on('error', () => {});
          socket.on('data', () => {});
          const pump = () => {
            for (let n = 0; n < 64; n += 1) {
              if (!socket.writable || !socket.write(bytes)) return;
            }
            setImmediate(pump);
          };
          socket.on('connect', pump);
          socket.on('drain', pump);
        }`;
      attacker = spawn(process.execPath, ['-e', script], {
        env: { ...process.env, FORGED: forged, PORT: String(gateway.port) },
        stdio: 'ignore',
      });
      // The flood is on once forgeries have been refused and others shed for want of a slot.
      for (;;) {
        if ((await metric(gateway, SHED_SUSPECT)) > 0 && (await metric(gateway, REFUSED_401)) > 0) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      const answers: DummyAnswer[] = [];
      for (let i = 0; i < 10; i += 1) {
        answers.push(await dummyOn(validator, gateway, 10 + i));
      }
      expect(answers).toEqual(Array.from({ length: 10 }, (_, i) => ({ status: 200, output: 2 * (10 + i) })));
      // The flood kept being shed meanwhile: the slots it may use stayed full.
      expect(await metric(gateway, SHED_SUSPECT)).toBeGreaterThan(MAX_IN_FLIGHT);

      // A new connection of the validator, from another address: unproven, but its address sent no forgery, so it
      // is admitted above the half of the slots the suspect flood is held to.
      const fresh = await open(gateway.port, '127.0.0.3');
      try {
        const freshAnswers: DummyAnswer[] = [];
        for (let i = 0; i < 5; i += 1) {
          freshAnswers.push(await dummyOn(fresh, gateway, 30 + i));
        }
        expect(freshAnswers).toEqual(Array.from({ length: 5 }, (_, i) => ({ status: 200, output: 2 * (30 + i) })));
      } finally {
        fresh.destroy();
      }
      expect(await metric(gateway, SHED_SUSPECT)).toBeGreaterThan(MAX_IN_FLIGHT);
    } finally {
      attacker?.kill('SIGKILL');
      validator.destroy();
    }
  }, 120_000);
});
