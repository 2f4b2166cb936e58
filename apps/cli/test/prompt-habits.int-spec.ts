import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cleanEnv, runCli } from './cli-process.helper';

jest.setTimeout(180_000);

/**
 * btcli scripts pass `--no-prompt` / `-y` to commands that never ask; taonode used to stop them with
 * "unknown option". Here the commands get past parsing and fail (or succeed) on their own terms.
 */
describe('btcli prompt flags on commands that do not ask', () => {
  let home: string;
  let walletPath: string;

  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-prompt-habits-'));
    walletPath = path.join(home, 'wallets');
  });

  afterAll(async () => {
    await fs.rm(home, { recursive: true, force: true });
  });

  it.each(['--no-prompt', '-y', '--yes', '--no_prompt'])('axon serve %s reaches the wallet', async (flag) => {
    const result = await runCli(
      [
        'axon',
        'serve',
        '--netuid',
        '1',
        '--axon.external_ip',
        '198.51.100.7',
        '--wallet.name',
        'nobody',
        '--wallet.path',
        walletPath,
        '--subtensor.chain_endpoint',
        'ws://127.0.0.1:1',
        flag,
      ],
      cleanEnv(home),
    );
    expect(result.stderr).not.toContain('unknown option');
    expect(result.stderr).toContain('WALLET_NOT_FOUND');
  });

  it('wallet list -y and wallet inspect --no-prompt run as without them', async () => {
    const listed = await runCli(['wallet', 'list', '-y', '--wallet.path', walletPath, '--json'], cleanEnv(home));
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({ wallets: [] });
    const inspected = await runCli(
      ['wallet', 'inspect', '--no-prompt', '--wallet.name', 'nobody', '--wallet.path', walletPath],
      cleanEnv(home),
    );
    expect(inspected.stderr).not.toContain('unknown option');
    expect(inspected.stderr).toContain('WALLET_NOT_FOUND');
  });
});
