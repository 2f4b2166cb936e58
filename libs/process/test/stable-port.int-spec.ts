import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { isPortFree, stablePort } from '../src';

function ephemeralFloor(): number {
  const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
  return Number(low);
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('stablePort', () => {
  it('picks a free port the OS never hands out for listen(0), so a restarted server finds it again', async () => {
    const port = await stablePort();
    expect(port).toBeGreaterThanOrEqual(20_000);
    expect(port).toBeLessThan(ephemeralFloor());
    expect(await isPortFree(port)).toBe(true);

    // A server on it, stopped and started again on the same port, while others bind port 0 meanwhile.
    const first = await listenOn(port);
    await new Promise<void>((resolve) => first.close(() => resolve()));
    const others = await Promise.all(Array.from({ length: 20 }, () => listenOn(0)));
    expect(others.map((server) => (server.address() as { port: number }).port)).not.toContain(port);
    const again = await listenOn(port);
    await new Promise<void>((resolve) => again.close(() => resolve()));
    await Promise.all(others.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  });

  it('never returns a port something listens on', async () => {
    const picked = await Promise.all(Array.from({ length: 20 }, () => stablePort()));
    const servers = await Promise.all(picked.map((port) => listenOn(port).catch(() => undefined)));
    // Each pick was free when returned; binding it now succeeds unless two picks coincide (then one fails).
    const bound = servers.filter((server): server is Server => server !== undefined);
    expect(bound.length).toBe(new Set(picked).size);
    await Promise.all(bound.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  });
});
