import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { u16, Vec } from '@polkadot/types';
import type { ITuple } from '@polkadot/types/types';
import { ChainClient, readUid, bestBlock } from '@taonode/chain';
import { aliceOwnedGenesis, mineUntilSettled, startDevnet, type LaunchedDevnet } from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import { cleanEnv, runCli, type CliResult } from './cli-process.helper';

// `taonode weights set` as a process against a private devnet; what it reports is checked against the chain.
jest.setTimeout(180_000);

const OPEN = 1;
const SLOW = 2;
const POOL_PAUSE_MS = 50;
const validator = Keypair.fromUri('//Bob//validator');
const MINERS = ['//Bob//m0', '//Bob//m1'];

const genesis = aliceOwnedGenesis({
  balances: [['//Bob//validator', '1000000000000']],
  subnets: [
    { netuid: OPEN, hyperparameters: { weightsSetRateLimit: 0 } },
    { netuid: SLOW, hyperparameters: { weightsSetRateLimit: 1000 } },
  ].map((subnet) => ({
    ...subnet,
    neurons: [
      { hotkey: '//Bob//validator', coldkey: '//Bob', stake: '1000000000000', validatorPermit: true },
      ...MINERS.map((hotkey) => ({ hotkey, coldkey: '//Bob' })),
    ],
  })),
});

function expectOneLineError(result: CliResult, code: string): void {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
  expect(lines).toHaveLength(1);
  expect(lines[0]?.endsWith(`(${code})`)).toBe(true);
}

describe('taonode weights set (CLI end to end on the devnet)', () => {
  let devnet: LaunchedDevnet;
  let client: ChainClient;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let walletArgs: string[];

  beforeAll(async () => {
    devnet = await startDevnet({ manual: true, genesis });
    client = await ChainClient.connect({ chainEndpoint: devnet.url });
    await devnet.newBlock(2);
    home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-weights-set-'));
    const walletPath = path.join(home, 'wallets');
    await new Wallet({ name: 'bob', hotkey: 'validator', path: walletPath }).writeHotkey(validator);
    env = cleanEnv(home);
    walletArgs = ['--wallet.path', walletPath, '--wallet.name', 'bob', '--wallet.hotkey', 'validator'];
  }, 120_000);

  afterAll(async () => {
    await client?.disconnect();
    await devnet?.stop();
    await fs.rm(home, { recursive: true, force: true });
  });

  async function uidOf(netuid: number, uri: string): Promise<number> {
    const uid = await client.call('uid', async (api) =>
      readUid(api, (await bestBlock(api)).hash, netuid, Keypair.fromUri(uri).ss58Address),
    );
    if (uid === undefined) {
      throw new Error(`${uri} is not registered on ${netuid}`);
    }
    return uid;
  }

  function weightsSet(netuid: number, uids: number[], weights: string, ...extra: string[]): Promise<CliResult> {
    return mineUntilSettled(
      devnet,
      runCli(
        [
          'weights',
          'set',
          '--netuid',
          String(netuid),
          '--uids',
          uids.join(','),
          '--weights',
          weights,
          ...walletArgs,
          '--subtensor.chain_endpoint',
          devnet.url,
          ...extra,
        ],
        env,
      ),
      POOL_PAUSE_MS,
    );
  }

  it('--dry-run reports the processed u16 weights and the path, submitting nothing', async () => {
    const [m0, m1] = [await uidOf(OPEN, MINERS[0] ?? ''), await uidOf(OPEN, MINERS[1] ?? '')];
    const result = await weightsSet(OPEN, [m0, m1], '0.25,0.75', '--dry-run', '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { path: string; outcome: { kind: string; weights: unknown } };
    expect(parsed.path).toBe('direct');
    expect(parsed.outcome.kind).toBe('dry-run');
    expect(parsed.outcome.weights).toEqual({ uids: [m0, m1], values: [21845, 65535] });
  });

  it('sets weights with --no-prompt and prints one line with the outcome; the chain stores them', async () => {
    const [m0, m1] = [await uidOf(OPEN, MINERS[0] ?? ''), await uidOf(OPEN, MINERS[1] ?? '')];
    const result = await weightsSet(OPEN, [m0, m1], '0.25,0.75', '--no-prompt');
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^set: 2 weights in block \d+ \(subnet 1, path direct\)/);
    const row = (await client.api.query.subtensorModule?.weights?.(OPEN, await uidOf(OPEN, '//Bob//validator'))) as Vec<
      ITuple<[u16, u16]>
    >;
    expect(row.map(([uid, value]) => [uid.toNumber(), value.toNumber()])).toEqual([
      [m0, 21845],
      [m1, 65535],
    ]);
  });

  it('refuses all-zero weights before submitting (typed outcome)', async () => {
    const result = await weightsSet(OPEN, [1, 2], '0,0', '--no-prompt');
    expectOneLineError(result, 'TAONODE_WEIGHTS_INVALID_WEIGHTS');
  });

  it('reports too-soon with the block it becomes possible when rate-limited', async () => {
    const result = await weightsSet(SLOW, [await uidOf(SLOW, MINERS[0] ?? '')], '1', '--no-prompt', '--json');
    expectOneLineError(result, 'TAONODE_WEIGHTS_TOO_SOON');
    expect(result.stderr).toMatch(/too-soon: possible from block \d+/);
  });

  it('asks before submitting and refuses without a terminal', async () => {
    const result = await weightsSet(OPEN, [1], '1');
    expectOneLineError(result, 'TAONODE_CLI_USAGE');
  });

  it('rejects lists of different lengths and bad numbers', async () => {
    expectOneLineError(await weightsSet(OPEN, [1, 2], '1', '--no-prompt'), 'TAONODE_CLI_USAGE');
    const nan = await weightsSet(OPEN, [1], 'NaN', '--no-prompt');
    expect(nan.code).not.toBe(0);
    expect(nan.stderr).toContain('not a finite, non-negative weight');
  });
});
