import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Keypair, Wallet } from '@taonode/wallet';
import { cleanEnv, runCli } from './cli-process.helper';

jest.setTimeout(120_000);

describe('taonode start --data-dir holding real wallets', () => {
  let home: string;

  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-start-data-dir-'));
  });

  afterAll(async () => {
    await fs.rm(home, { recursive: true, force: true });
  });

  it('refuses before starting anything, names the wallet, and leaves its files as they were', async () => {
    const dataDir = path.join(home, 'data');
    const operator = Keypair.fromUri('//Operator');
    const wallet = new Wallet({ name: 'validator', path: path.join(dataDir, 'wallets') });
    await wallet.writeColdkey(operator, { password: null });
    const before = await fs.readFile(wallet.coldkeyFile.path, 'utf8');

    const { REDIS_URL: _ignored, ...env } = cleanEnv(home);
    const result = await runCli(['start', '--data-dir', dataDir, '--devnet-port', '0'], env);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('refusing to write the dev wallet "validator"');
    expect(result.stderr).toContain(operator.ss58Address);
    expect(result.stdout).not.toContain('devnet ');
    await expect(fs.readFile(wallet.coldkeyFile.path, 'utf8')).resolves.toBe(before);
    expect(await fs.readdir(wallet.directory)).toEqual(['coldkey', 'coldkeypub.txt']);
  });
});
