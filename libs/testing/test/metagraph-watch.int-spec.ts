import { MetagraphWatchClient } from '@taonode/grpc';
import type { metagraphV1 } from '@taonode/proto';
import { type FakeMetagraphServer, startFakeMetagraphServer } from '../src';

/** Resolves with the first snapshot `seen` holds that satisfies `accept` (polls the list; generous deadline). */
async function waitFor(
  seen: metagraphV1.Metagraph[],
  accept: (metagraph: metagraphV1.Metagraph) => boolean,
): Promise<metagraphV1.Metagraph> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = seen.find(accept);
    if (found !== undefined) {
      return found;
    }
    if (Date.now() > deadline) {
      throw new Error(`no snapshot matched; saw blocks ${seen.map((m) => m.block).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the fake chain-sync and the shared MetagraphWatchClient (real gRPC over loopback)', () => {
  let server: FakeMetagraphServer;
  let client: MetagraphWatchClient;

  afterEach(async () => {
    client.close();
    await server.stop();
  });

  it('delivers the first snapshot and every published one', async () => {
    server = await startFakeMetagraphServer(3, [{ hotkey: 'a', axon: { ip: '127.0.0.2', port: 8091 } }]);
    client = new MetagraphWatchClient(server.url);
    const seen: metagraphV1.Metagraph[] = [];
    const watch = client.watch(3, { onMetagraph: (metagraph) => seen.push(metagraph) });
    const first = await waitFor(seen, () => true);
    expect(first.netuid).toBe(3);
    expect(first.neurons[0]?.axon?.ip).toBe('127.0.0.2');
    server.publish(101, [{ hotkey: 'a' }, { hotkey: 'b' }]);
    const next = await waitFor(seen, (metagraph) => metagraph.block === '101');
    expect(next.neurons.map((neuron) => neuron.hotkey)).toEqual(['a', 'b']);
    watch.stop();
  });

  it('re-opens the watch by itself when chain-sync restarts on the same address', async () => {
    server = await startFakeMetagraphServer(1, [{ hotkey: 'a' }]);
    client = new MetagraphWatchClient(server.url);
    const seen: metagraphV1.Metagraph[] = [];
    const interruptions: unknown[] = [];
    const watch = client.watch(1, {
      onMetagraph: (metagraph) => seen.push(metagraph),
      onInterrupted: (error) => interruptions.push(error),
    });
    await waitFor(seen, () => true);
    const port = server.port;
    await server.stop();
    server = await startFakeMetagraphServer(1, [{ hotkey: 'after-restart' }], { port, block: 200 });
    const resumed = await waitFor(seen, (metagraph) => metagraph.block === '200');
    expect(resumed.neurons[0]?.hotkey).toBe('after-restart');
    watch.stop();
  });

  it('stops delivering once stopped', async () => {
    server = await startFakeMetagraphServer(1, [{ hotkey: 'a' }]);
    client = new MetagraphWatchClient(server.url);
    const seen: metagraphV1.Metagraph[] = [];
    const watch = client.watch(1, { onMetagraph: (metagraph) => seen.push(metagraph) });
    await waitFor(seen, () => true);
    watch.stop();
    const deadline = Date.now() + 30_000;
    while (server.openWatches > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.openWatches).toBe(0);
    server.publish(300, [{ hotkey: 'late' }]);
    expect(seen.some((metagraph) => metagraph.block === '300')).toBe(false);
  });
});
