import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, rpcCall, startDevnet } from '../src';

describe('startDevnet (child process launcher)', () => {
  it('starts a manual-mode devnet on a free port, builds blocks on demand and stops', async () => {
    const devnet = await startDevnet();
    try {
      expect(devnet.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      const genesis = await rpcCall<string>(devnet.url, 'chain_getBlockHash', [0]);
      const hash = await devnet.newBlock(3);
      expect(hash).not.toBe(genesis);
      const header = await rpcCall<{ number: string }>(devnet.url, 'chain_getHeader', [hash]);
      expect(Number(header.number)).toBe(3);
      expect(await rpcCall<string>(devnet.url, 'chain_getFinalizedHead')).toMatch(/^0x[0-9a-f]{64}$/);
    } finally {
      await devnet.stop();
    }
    await expect(rpcCall(devnet.url, 'system_health')).rejects.toThrow();
  });

  it('stops the devnet when the process that launched it is killed', async () => {
    const harness = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'fixtures', 'launch-and-wait.ts')],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      harness.stdout.on('data', (chunk: Buffer) => {
        const match = /url (\S+)/.exec(chunk.toString('utf8'));
        if (match?.[1]) {
          resolve(match[1]);
        }
      });
      harness.once('exit', (code) => reject(new Error(`harness exited with ${code}`)));
    });
    expect(await rpcCall<{ peers: number }>(url, 'system_health')).toMatchObject({ peers: 0 });
    harness.kill('SIGKILL');
    // The devnet notices its parent chain is gone (IPC channel closed) and shuts down.
    let isDown = false;
    for (let attempt = 0; attempt < 100 && !isDown; attempt += 1) {
      isDown = await rpcCall(url, 'system_health').then(
        () => false,
        () => true,
      );
      if (!isDown) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(isDown).toBe(true);
  });

  it('listens on a given port and restarts there with a fresh chain after being killed', async () => {
    const port = await freePort();
    const devnet = await startDevnet({ port });
    try {
      expect(devnet.url).toBe(`ws://127.0.0.1:${port}`);
      await devnet.newBlock(2);
      await devnet.kill();
      await expect(rpcCall(devnet.url, 'system_health')).rejects.toThrow();
      await devnet.restart();
      const header = await rpcCall<{ number: string }>(devnet.url, 'chain_getHeader');
      expect(Number(header.number)).toBe(0);
    } finally {
      await devnet.stop();
    }
    await expect(rpcCall(devnet.url, 'system_health')).rejects.toThrow();
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
      expect(await rpcCall<string>(devnet.url, 'system_chain')).toBe('Launcher Test');
    } finally {
      await devnet.stop();
    }
  });
});
