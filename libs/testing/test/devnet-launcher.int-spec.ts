import WebSocket, { type RawData } from 'ws';
import { startDevnet } from '../src';

/** One JSON-RPC request over a fresh websocket. */
function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 7, method, params })));
    socket.once('message', (data) => {
      socket.close();
      resolve((JSON.parse(messageText(data)) as { result: T }).result);
    });
  });
}

describe('startDevnet (child process launcher)', () => {
  it('starts a manual-mode devnet on a free port, builds blocks on demand and stops', async () => {
    const devnet = await startDevnet();
    try {
      expect(devnet.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      const genesis = await rpc<string>(devnet.url, 'chain_getBlockHash', [0]);
      const hash = await devnet.newBlock(3);
      expect(hash).not.toBe(genesis);
      const header = await rpc<{ number: string }>(devnet.url, 'chain_getHeader', [hash]);
      expect(Number(header.number)).toBe(3);
      expect(await rpc<string>(devnet.url, 'chain_getFinalizedHead')).toMatch(/^0x[0-9a-f]{64}$/);
    } finally {
      await devnet.stop();
    }
    await expect(rpc(devnet.url, 'system_health')).rejects.toThrow();
  });

  it('uses a genesis given as an object', async () => {
    const devnet = await startDevnet({
      genesis: {
        chainName: 'Launcher Test',
        sudo: '//Bob',
        balances: [['//Bob', '5000000000000']],
      },
    });
    try {
      expect(await rpc<string>(devnet.url, 'system_chain')).toBe('Launcher Test');
    } finally {
      await devnet.stop();
    }
  });
});

/** A websocket message's text, whatever buffer shape `ws` delivered it in. */
function messageText(data: RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
