import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  aliceOwnedGenesis,
  devnetRuntimes,
  mineUntilSettled,
  startDevnet,
  type LaunchedDevnet,
} from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import { cleanEnv, runCli, type CliResult } from './cli-process.helper';

// The CLI prints a refusal the same way whichever runtime makes it: spec 424 refuses a rate-limited
// serve_axon at submission (1010 Custom error: 12), spec 233 includes it and fails it; spec 233 refuses a stake
// below the minimum at submission (Custom error: 1), spec 424 fails it at dispatch. Both name the pallet error.
jest.setTimeout(180_000);

const POOL_PAUSE_MS = 50;
const coldkey = Keypair.fromUri('//Bob');
const hotkey = Keypair.fromUri('//Bob//miner');

const genesis = aliceOwnedGenesis({
  balances: [['//Bob', '100000000000']],
  subnets: [
    {
      netuid: 1,
      // Far more blocks than the devnet builds while a CLI process starts (one every 50 ms).
      hyperparameters: { servingRateLimit: 1_000_000 },
      neurons: [{ hotkey: '//Bob//miner', coldkey: '//Bob' }],
    },
  ],
});

/** The one `error: … (CODE)` line the CLI prints. */
function errorLine(result: CliResult): string {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe.each(devnetRuntimes())('taonode prints pool refusals as pallet errors ($label)', ({ metadata }) => {
  let devnet: LaunchedDevnet;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let walletPath: string;
  const wallet = (): string[] => ['--wallet.path', walletPath, '--wallet.name', 'bob', '--wallet.hotkey', 'miner'];
  const cli = (...args: string[]): Promise<CliResult> =>
    mineUntilSettled(devnet, runCli([...args, '--subtensor.chain_endpoint', devnet.url], env), POOL_PAUSE_MS);

  beforeAll(async () => {
    devnet = await startDevnet({ manual: true, genesis, metadata });
    home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-pool-refusals-'));
    walletPath = path.join(home, 'wallets');
    env = cleanEnv(home);
    const bob = new Wallet({ name: 'bob', hotkey: 'miner', path: walletPath });
    await bob.writeColdkey(coldkey, { password: null });
    await bob.writeHotkey(hotkey);
    await devnet.newBlock(2);
  }, 120_000);

  afterAll(async () => {
    await devnet?.stop();
    await fs.rm(home, { recursive: true, force: true });
  });

  it('axon serve again within ServingRateLimit → subtensorModule.ServingRateLimitExceeded', async () => {
    const serve = (port: string) =>
      cli(
        'axon',
        'serve',
        '--netuid',
        '1',
        '--axon.external_ip',
        '203.0.113.7',
        '--axon.external_port',
        port,
        ...wallet(),
      );
    expect((await serve('8091')).code).toBe(0);
    const line = errorLine(await serve('8092'));
    expect(line).toContain('subtensorModule.ServingRateLimitExceeded');
    expect(line.endsWith('(TAONODE_CHAIN_MODULE_ERROR)')).toBe(true);
    expect(line).toContain(metadata === undefined ? 'failed' : 'refused at submission (Custom error: 12)');
  });

  it('stake add below the minimum stake → subtensorModule.AmountTooLow', async () => {
    const line = errorLine(
      await cli('stake', 'add', '--netuid', '1', '--amount', '0.0001', ...wallet(), '--no-prompt'),
    );
    expect(line).toContain('subtensorModule.AmountTooLow');
    expect(line.endsWith('(TAONODE_CHAIN_MODULE_ERROR)')).toBe(true);
    expect(line).toContain(metadata === undefined ? 'refused at submission (Custom error: 1)' : 'failed');
  });
});
