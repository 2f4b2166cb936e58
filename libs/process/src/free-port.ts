import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Ports {@link freePort} handed out in this process, so it never hands out one twice (bounded memory). */
const handedOut = new Set<number>();
const HANDED_OUT_MEMORY = 4_096;
const FREE_PORT_TRIES = 32;

/**
 * A TCP port that was free on `host` a moment ago (the OS picks it), for children that cannot bind port 0 and
 * report what they got. Never one this process was already given: a port picked for a child that has not bound
 * it yet (an axon, an ops server) is free to the OS, which may offer it again for the next child. Another process
 * can still take it before the child binds it: callers that can retry on another port do so.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await osPickedPort(host);
    if (!handedOut.has(port) || attempt >= FREE_PORT_TRIES) {
      handedOut.add(port);
      if (handedOut.size > HANDED_OUT_MEMORY) {
        const oldest = handedOut.values().next().value;
        if (oldest !== undefined) {
          handedOut.delete(oldest);
        }
      }
      return port;
    }
  }
}

function osPickedPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('the OS gave no port'));
        }
      });
    });
  });
}

/** Whether `port` can be bound on `host` right now (false when something listens there). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        resolve(false);
      } else {
        reject(error);
      }
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Lowest port {@link stablePort} picks: clear of the well-known and registered ports services usually hold. */
const STABLE_PORT_FLOOR = 20_000;
/** Where Linux starts handing out ephemeral ports when /proc does not say (its default range is 32768–60999). */
const DEFAULT_EPHEMERAL_FLOOR = 32_768;
const STABLE_PORT_TRIES = 64;

/**
 * A free port below the OS's ephemeral range, for a server that is stopped and started again on the same port
 * (a test restarting Redis or the chain under its clients). A port the OS picked for `listen(0)` goes back to the
 * ephemeral pool when its server stops, and any other process binding port 0 or connecting out may get it before
 * the restart; a port below that range is never handed out by the OS, so only an explicit pick can collide.
 */
export async function stablePort(host = '127.0.0.1'): Promise<number> {
  const ceiling = ephemeralFloor();
  for (let attempt = 0; attempt < STABLE_PORT_TRIES; attempt += 1) {
    const port = STABLE_PORT_FLOOR + Math.floor(Math.random() * (ceiling - STABLE_PORT_FLOOR));
    if (await isPortFree(port, host)) {
      return port;
    }
  }
  return freePort(host);
}

function ephemeralFloor(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const floor = Number(low);
    return Number.isInteger(floor) && floor > STABLE_PORT_FLOOR + 1_000 ? floor : DEFAULT_EPHEMERAL_FLOOR;
  } catch {
    return DEFAULT_EPHEMERAL_FLOOR;
  }
}
