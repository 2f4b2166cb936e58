import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import type { Option, Struct, u128, u16, u64, Vec } from '@polkadot/types';
import type { AccountInfo } from '@polkadot/types/interfaces';
import type { Codec, ITuple } from '@polkadot/types/types';
import { ChainClient, encodeIp, ExtrinsicSubmitter, setWeights, SUBTENSOR_SIGNED_EXTENSIONS } from '@taonode/chain';
import { devnetRuntimes, freePort, mineUntilSettled, startDevnet, type LaunchedDevnet } from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import { raoOf } from './chain-cli.helper';
import { cleanEnv, runCli, runCliInPty, type CliResult } from './cli-process.helper';

// End-to-end: every command runs as `node bin/taonode.js …` against a private devnet over a real websocket,
// and what it prints is checked against the devnet's state read independently with plain @polkadot/api.
jest.setTimeout(180_000);

const NETUID = 1;
/** Pause before each block while a command runs: a CLI process takes longer to reach the pool than a client. */
const POOL_PAUSE_MS = 50;
const coldkey = Keypair.fromUri('//Bob');
const hotkey = Keypair.fromUri('//Bob//miner');
const hotkey2 = Keypair.fromUri('//Bob//validator');

type AxonStruct = Struct & { ip: u128; port: u16; ipType: u16 };

function expectOneLineError(result: CliResult, code: string): void {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
  expect(lines).toHaveLength(1);
  expect(lines[0]?.endsWith(`(${code})`)).toBe(true);
}

/** Exit code 0; on failure the diff shows what the command printed on stderr. */
function expectOk(result: CliResult): void {
  expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
}

function json<T>(result: CliResult): T {
  expectOk(result);
  return JSON.parse(result.stdout) as T;
}

describe.each(devnetRuntimes())('taonode chain commands (CLI end to end on the devnet, $label)', ({ metadata }) => {
  let devnet: LaunchedDevnet;
  let api: ApiPromise;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let walletPath: string;

  const query = async (item: string, ...args: unknown[]): Promise<unknown> => {
    const entry = api.query.subtensorModule?.[item];
    if (entry === undefined) {
      throw new Error(`no storage item ${item}`);
    }
    return entry(...args);
  };
  const queryAt = async (hash: string, section: string, item: string, ...args: unknown[]): Promise<unknown> => {
    const at = await api.at(hash);
    const entry = at.query[section]?.[item];
    if (entry === undefined) {
      throw new Error(`no storage item ${section}.${item}`);
    }
    return entry(...args);
  };
  const wallet = (hotkeyName = 'miner'): string[] => [
    '--wallet.path',
    walletPath,
    '--wallet.name',
    'bob',
    '--wallet.hotkey',
    hotkeyName,
  ];
  const chain = (): string[] => ['--subtensor.chain_endpoint', devnet.url];
  const cli = (...args: string[]): Promise<CliResult> => runCli([...args, ...chain()], env);
  const spend = (...args: string[]): Promise<CliResult> => mineUntilSettled(devnet, cli(...args), POOL_PAUSE_MS);

  beforeAll(async () => {
    devnet = await startDevnet({ manual: true, metadata });
    api = await ApiPromise.create({
      provider: new WsProvider(devnet.url),
      signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
      noInitWarn: true,
    });
    home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-chain-cli-'));
    walletPath = path.join(home, 'wallets');
    env = cleanEnv(home);
    const bob = new Wallet({ name: 'bob', hotkey: 'miner', path: walletPath });
    await bob.writeColdkey(coldkey, { password: null });
    await bob.writeHotkey(hotkey);
    await new Wallet({ name: 'bob', hotkey: 'validator', path: walletPath }).writeHotkey(hotkey2);
  }, 120_000);

  afterAll(async () => {
    await api?.disconnect();
    await devnet?.stop();
    await fs.rm(home, { recursive: true, force: true });
  });

  it('subnet list shows every subnet with its pool', async () => {
    const human = await cli('subnet', 'list');
    expectOk(human);
    expect(human.stdout).toMatch(/NETUID\s+NAME\s+PRICE\s+TAO_IN\s+ALPHA_IN\s+ALPHA_OUT\s+N\s+TEMPO\s+BURN/);
    const { subnets } = json<{ subnets: { netuid: number; taoInRao: string; n: number }[] }>(
      await cli('subnet', 'list', '--json'),
    );
    expect(subnets.map((subnet) => subnet.netuid)).toEqual([0, 1]);
    const subnetTao = ((await query('subnetTAO', NETUID)) as u64).toString();
    expect(subnets[1]?.taoInRao).toBe(subnetTao);
  });

  it('subnet hyperparameters prints btcli names with the chain values', async () => {
    const result = await cli('subnet', 'hyperparameters', '--netuid', String(NETUID));
    expectOk(result);
    const tempo = ((await query('tempo', NETUID)) as u16).toNumber();
    expect(result.stdout).toMatch(new RegExp(`^tempo\\s+${tempo}\\s`, 'm'));
    expect(result.stdout).toMatch(/^commit_reveal_weights_enabled\s+false/m);
    const parsed = json<{ hyperparameters: Record<string, unknown> }>(
      await cli('subnet', 'hyperparameters', '--netuid', String(NETUID), '--json'),
    );
    expect(parsed.hyperparameters.tempo).toBe(tempo);
  });

  it('subnet register asks for confirmation, and without a terminal spends nothing unless --no-prompt', async () => {
    const refused = await cli('subnet', 'register', '--netuid', String(NETUID), ...wallet());
    expectOneLineError(refused, 'TAONODE_CLI_USAGE');
    expect((await query('uids', NETUID, hotkey.ss58Address)) as Option<u16>).toHaveProperty('isNone', true);

    const result = await spend('subnet', 'register', '--netuid', String(NETUID), ...wallet(), '--no-prompt');
    expectOk(result);
    const registered = /Registered on netuid 1 with UID (\d+)/.exec(result.stdout);
    const uid = ((await query('uids', NETUID, hotkey.ss58Address)) as Option<u16>).unwrap().toNumber();
    expect(Number(registered?.[1])).toBe(uid);
    expect(result.stdout).toContain('The cost to register by recycle is τ');
    const balance = /Balance: (\S+) ➡ (\S+)/.exec(result.stdout);
    const free = ((await query('account', coldkey.ss58Address).catch(() => undefined)) as AccountInfo | undefined)?.data
      .free;
    const account = (await api.query.system?.account?.(coldkey.ss58Address)) as AccountInfo;
    expect(raoOf(balance?.[2] ?? '')).toBe(account.data.free.toBigInt());
    expect(free).toBeUndefined();

    const again = await cli('subnet', 'register', '--netuid', String(NETUID), ...wallet(), '--no-prompt');
    expectOk(again);
    expect(again.stdout).toContain(`Already registered on netuid 1 with UID ${uid}`);
  });

  it('subnet register in a terminal shows a spinner and proceeds after "y"', async () => {
    const args = ['subnet', 'register', '--netuid', String(NETUID), ...wallet('validator'), ...chain()];
    const result = await mineUntilSettled(
      devnet,
      runCliInPty(args, env, [{ waitFor: '[y/n]', send: 'y' }]),
      POOL_PAUSE_MS,
    );
    expect({ code: result.code, screen: result.code === 0 ? '' : result.screen }).toEqual({ code: 0, screen: '' });
    expect(result.screen).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /u);
    expect(result.screen).toMatch(/Registered on netuid 1 with UID \d+/);
    expect(((await query('uids', NETUID, hotkey2.ss58Address)) as Option<u16>).isSome).toBe(true);
  });

  it('axon serve refuses loopback, then announces the axon from a hotkey without balance', async () => {
    const loopback = await cli('axon', 'serve', '--netuid', '1', '--axon.external_ip', '127.0.0.1', ...wallet());
    expectOneLineError(loopback, 'TAONODE_CHAIN_INVALID_ARGUMENT');

    // serve_axon is Pays::No: subtensor's CheckNonce lets a hotkey that never held a rao sign it.
    const before = (await query('axons', NETUID, hotkey.ss58Address)) as Option<AxonStruct>;
    expect(before.isNone).toBe(true);
    const account = (await api.query.system?.account?.(hotkey.ss58Address)) as AccountInfo;
    expect(account.data.free.toBigInt()).toBe(0n);

    const served = await spend(
      'axon',
      'serve',
      '--netuid',
      '1',
      '--axon.external_ip',
      '203.0.113.7',
      '--axon.external_port',
      '8091',
      ...wallet(),
    );
    expectOk(served);
    expect(served.stdout).toContain('Served axon 203.0.113.7:8091 on subnet 1');
    const axon = ((await query('axons', NETUID, hotkey.ss58Address)) as Option<AxonStruct>).unwrap();
    expect(axon.ip.toBigInt()).toBe(encodeIp('203.0.113.7').ip);
    expect(axon.port.toNumber()).toBe(8091);

    const repeat = await cli(
      'axon',
      'serve',
      '--netuid',
      '1',
      '--axon.external_ip',
      '203.0.113.7',
      '--axon.external_port',
      '8091',
      ...wallet(),
    );
    expect(repeat.stdout).toContain('already served');
  });

  it('stake add and stake remove move TAO and alpha as the chain records', async () => {
    const added = json<{ block_hash: string; stake_after_rao: string; balance_after_rao: string }>(
      await spend('stake', 'add', '--netuid', '1', '--amount', '10', ...wallet(), '--no-prompt', '--json'),
    );
    const alphaAfterAdd = (await queryAt(
      added.block_hash,
      'subtensorModule',
      'totalHotkeyAlpha',
      hotkey.ss58Address,
      NETUID,
    )) as u64;
    expect(BigInt(added.stake_after_rao)).toBe(alphaAfterAdd.toBigInt());
    expect(BigInt(added.stake_after_rao)).toBeGreaterThan(0n);
    const account = (await queryAt(added.block_hash, 'system', 'account', coldkey.ss58Address)) as AccountInfo;
    expect(BigInt(added.balance_after_rao)).toBe(account.data.free.toBigInt());

    const removed = json<{ block_hash: string; stake_after_rao: string; balance_after_rao: string }>(
      await spend('stake', 'remove', '--netuid', '1', '--amount', '1', ...wallet(), '--no-prompt', '--json'),
    );
    const alphaAfterRemove = (await queryAt(
      removed.block_hash,
      'subtensorModule',
      'totalHotkeyAlpha',
      hotkey.ss58Address,
      NETUID,
    )) as u64;
    // The only share holder owns the whole pool, less at most 1 rao of fixed-point truncation dust.
    const dust = alphaAfterRemove.toBigInt() - BigInt(removed.stake_after_rao);
    expect(dust >= 0n && dust <= 1n).toBe(true);
    const refunded = (await queryAt(removed.block_hash, 'system', 'account', coldkey.ss58Address)) as AccountInfo;
    expect(BigInt(removed.balance_after_rao)).toBe(refunded.data.free.toBigInt());
    expect(BigInt(removed.balance_after_rao)).toBeGreaterThan(BigInt(added.balance_after_rao));

    const human = await spend('stake', 'remove', '--netuid', '1', '--amount', '0.5', ...wallet(), '--no-prompt');
    expectOk(human);
    expect(human.stdout).toMatch(/^Balance: τ[\d,]+\.\d{9} ➡ τ[\d,]+\.\d{9}$/m);
    expect(human.stdout).toMatch(/^Stake: α[\d,]+\.\d{9} ➡ α[\d,]+\.\d{9}$/m);

    const tooMuch = await cli('stake', 'remove', '--netuid', '1', '--amount', '100000', ...wallet(), '--no-prompt');
    expectOneLineError(tooMuch, 'TAONODE_CHAIN_INSUFFICIENT_BALANCE');
  });

  it('wallet balance shows the free balance the chain holds', async () => {
    const parsed = json<{ free_rao: string; staked_value_rao: string; block: number }>(
      await cli('wallet', 'balance', ...wallet(), '--json'),
    );
    const account = (await api.query.system?.account?.(coldkey.ss58Address)) as AccountInfo;
    expect(BigInt(parsed.free_rao)).toBe(account.data.free.toBigInt());
    expect(BigInt(parsed.staked_value_rao)).toBeGreaterThan(0n);
    const human = await cli('wallet', 'balance', ...wallet());
    expect(human.stdout).toMatch(/Wallet Name\s+Coldkey Address\s+Free Balance\s+Staked Value\s+Total Balance/);
    expect(human.stdout).toContain(coldkey.ss58Address);
  });

  it('subnet metagraph prints btcli columns with the chain values', async () => {
    const result = await cli('subnet', 'metagraph', '--netuid', '1');
    expectOk(result);
    const header = result.stdout.split('\n')[1] ?? '';
    expect(header.split(/\s+/)).toEqual([
      'UID',
      'STAKE',
      'RANK',
      'TRUST',
      'CONSENSUS',
      'INCENTIVE',
      'DIVIDENDS',
      'EMISSION(ρ)',
      'VTRUST',
      'VPERMIT',
      'UPDATED',
      'ACTIVE',
      'AXON',
      'HOTKEY',
      'COLDKEY',
    ]);
    const uid = ((await query('uids', NETUID, hotkey.ss58Address)) as Option<u16>).unwrap().toNumber();
    const row = result.stdout.split('\n').find((line) => line.trimStart().startsWith(`${uid} `)) ?? '';
    expect(row).toContain('203.0.113.7:8091');
    expect(row).toContain(hotkey.ss58Address.slice(0, 10));
    const parsed = json<{ n: number; neurons: { hotkey: string }[] }>(
      await cli('subnet', 'metagraph', '--netuid', '1', '--json'),
    );
    expect(parsed.n).toBe(((await query('subnetworkN', NETUID)) as u16).toNumber());
  });

  it('wallet overview lists the wallet hotkeys registered per subnet', async () => {
    const result = await cli('wallet', 'overview', ...wallet());
    expectOk(result);
    expect(result.stdout).toContain('Subnet: 1');
    const minerRow = result.stdout.split('\n').find((line) => line.includes(hotkey.ss58Address)) ?? '';
    expect(minerRow).toMatch(/^bob\s+miner\s+\d+\s+True/);
    expect(minerRow).toContain('203.0.113.7:8091');
    expect(result.stdout).toContain(hotkey2.ss58Address);
  });

  it('weights show prints the rows the chain stores', async () => {
    const empty = await cli('weights', 'show', '--netuid', '1');
    expect(empty.stdout).toContain('No weights set.');
    // The validator hotkey sets a self-weight (no permit needed); set_weights is free, so it holds no balance.
    const client = await ChainClient.connect({ chainEndpoint: devnet.url });
    try {
      const submitter = new ExtrinsicSubmitter(client);
      const uid = ((await query('uids', NETUID, hotkey2.ss58Address)) as Option<u16>).unwrap().toNumber();
      await mineUntilSettled(
        devnet,
        setWeights(client, submitter, hotkey2, { netuid: NETUID, uids: [uid], weights: [1] }),
        POOL_PAUSE_MS,
      );
      const stored = (await query('weights', NETUID, uid)) as Vec<ITuple<[u16, u16]>>;
      const expected = stored.map(([dest, value]) => ({
        uid: dest.toNumber(),
        value: value.toNumber(),
        normalized: 1,
      }));
      expect(expected).toEqual([{ uid, value: 65535, normalized: 1 }]);
      const parsed = json<{ rows: { uid: number; weights: unknown[] }[] }>(
        await cli('weights', 'show', '--netuid', '1', '--json'),
      );
      expect(parsed.rows).toEqual([{ uid, weights: expected }]);
      const human = await cli('weights', 'show', '--netuid', '1', '--mine', ...wallet('validator'));
      expect(human.stdout).toMatch(new RegExp(`^\\s*${uid}\\s+${uid}\\s+65535\\s+1\\.00000$`, 'm'));
    } finally {
      await client.disconnect();
    }
  });

  it('subnet start: refused where the runtime has no start_call; on 424 its owner starts a new subnet', async () => {
    if (metadata === undefined) {
      const refused = await cli('subnet', 'start', '--netuid', String(NETUID), ...wallet(), '--no-prompt');
      expectOneLineError(refused, 'TAONODE_CHAIN_UNSUPPORTED');
      expect(refused.stderr).toContain('no start_call');
      return;
    }
    // The dev subnet was started at genesis.
    const genesisSubnet = json<{ already_started: boolean; first_emission_block: number }>(
      await cli('subnet', 'start', '--netuid', String(NETUID), ...wallet(), '--no-prompt', '--json'),
    );
    expect(genesisSubnet).toMatchObject({ already_started: true, first_emission_block: 1 });

    // A subnet Bob registers does not emit or take stake until Bob's coldkey starts it.
    const bob = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Bob');
    const registerNetwork = api.tx.subtensorModule?.registerNetwork;
    if (registerNetwork === undefined) {
      throw new Error('register_network is in the metadata');
    }
    await mineUntilSettled(devnet, registerNetwork(Keypair.fromUri('//Bob//owner').ss58Address).signAndSend(bob));
    await devnet.newBlock();
    const netuid = 2;
    expect(((await query('subnetOwner', netuid)) as Codec).toString()).toBe(coldkey.ss58Address);
    expect(((await query('firstEmissionBlockNumber', netuid)) as Option<u64>).isNone).toBe(true);
    const result = await spend('subnet', 'start', '--netuid', String(netuid), ...wallet(), '--no-prompt');
    expectOk(result);
    const firstEmission = ((await query('firstEmissionBlockNumber', netuid)) as Option<u64>).unwrap().toNumber();
    expect(result.stdout).toContain(`Started subnet ${netuid}: it emits from block ${firstEmission}`);
    expect(((await query('subtokenEnabled', netuid)) as Codec).toString()).toBe('true');
  });

  it('fails with one line and a stable code on chain errors', async () => {
    expectOneLineError(await cli('subnet', 'metagraph', '--netuid', '99'), 'TAONODE_CHAIN_SUBNET_NOT_FOUND');
    expectOneLineError(
      await runCli(['subnet', 'list', '--subtensor.network', 'nowhere'], env),
      'TAONODE_CHAIN_INVALID_ENDPOINT',
    );
    // Nothing listens there: the command says so at once (its connect deadline is 30 s; this test's is 180 s).
    const nobody = `ws://127.0.0.1:${await freePort()}`;
    const refused = await runCli(['subnet', 'list', '--subtensor.chain_endpoint', nobody], env);
    expectOneLineError(refused, 'TAONODE_CHAIN_UNREACHABLE');
    expect(refused.stderr).toContain(`nothing answers at ${nobody}`);
  });
});
