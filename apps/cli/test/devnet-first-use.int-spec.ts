import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { SUBTENSOR_METADATA } from '@taonode/chain';
import { rpcCall, stablePort } from '@taonode/testing';
import { REPO_ROOT } from './cli-process.helper';

// npm pack reaches the registry and the devnet compiles on start: generous, machine-independent bounds.
jest.setTimeout(300_000);

describe('taonode devnet on a fresh checkout (empty metadata cache)', () => {
  let cacheDir: string;

  beforeAll(async () => {
    cacheDir = await fs.mkdtemp(path.join(tmpdir(), 'taonode-empty-cache-'));
  });

  afterAll(async () => {
    await fs.rm(cacheDir, { recursive: true, force: true });
  });

  it('fetches and checks the subtensor metadata, says so, then starts and serves it', async () => {
    const port = await stablePort();
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'bin', 'taonode.js'), 'devnet', '--port', String(port)],
      { cwd: REPO_ROOT, env: { ...process.env, TAONODE_CACHE_DIR: cacheDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => lines.push(`stderr: ${line}`));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          lines.push(line);
          const match = /devnet: listening on (ws:\/\/\S+)/.exec(line);
          if (match?.[1] !== undefined) {
            resolve(match[1]);
          }
        });
        void exited.then((code) => reject(new Error(`devnet exited (${code}) before listening:\n${lines.join('\n')}`)));
      });

      expect(lines.join('\n')).toContain('fetching the subtensor metadata (spec 224) from npm');
      const cached = await fs.readFile(path.join(cacheDir, 'subtensor', 'testnet.js'));
      expect(createHash('sha256').update(cached).digest('hex')).toBe(SUBTENSOR_METADATA.sha256);
      const metadata = await rpcCall<string>(endpoint, 'state_getMetadata');
      expect(metadata.startsWith('0x6d657461')).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
