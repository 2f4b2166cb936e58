import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { AccountInfo } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';
import { SUBTENSOR_SIGNED_EXTENSIONS } from '@taonode/chain';
import { rpcCall, startDevnet, waitFor, type LaunchedDevnet } from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import { cleanEnv, REPO_ROOT, runCli, type CliResult } from './cli-process.helper';

// Each refusal of `taonode miner|validator` against a separately started devnet ("the network", producing blocks on
// its own so anything submitted would land): one line naming the reason and the command that fixes it, exit code
// 1, and nothing on chain changed (nonces, axons, weights; nothing left in the pool). Nothing here waits for a block:
// a refusal happens before the only transaction a node sends (serve_axon), and blocks come from the devnet's timer.
// One run gets through: an encrypted hotkey unlocked with its BT_PW_ variable passes the preflight, announces its
// axon and starts the services, then is stopped with SIGTERM.
jest.setTimeout(180_000);

const NETUID = 1;
const BLOCK_TIME_MS = 250;
/** A registered neuron without stake: no permit (the owner holds the only validator slot). */
const registeredCold = Keypair.fromUri('//Dave');
const registeredHot = Keypair.fromUri('//Dave//miner');
/** Never registered anywhere. */
const unregisteredCold = Keypair.fromUri('//Eve');
const unregisteredHot = Keypair.fromUri('//Eve//fresh');
/** A registered neuron whose hotkey file is encrypted (btcli `--use-password`), held by the wallet "locked". */
const lockedCold = Keypair.fromUri('//Ferdie');
const lockedHot = Keypair.fromUri('//Ferdie//miner');
const LOCKED_HOTKEY_PASSWORD = 'hot-password';
const ACCOUNTS = [registeredCold, registeredHot, unregisteredCold, unregisteredHot, lockedCold, lockedHot];

const genesis = {
  sudo: '//Alice',
  balances: [
    ['//Alice', '1000000000000000'],
    ['//Dave', '2000000000000'],
    ['//Eve', '2000000000000'],
    ['//Ferdie', '2000000000000'],
    ['//Ferdie//miner', '2000000000000'],
  ],
  subtensor: {
    subnets: [
      {
        netuid: NETUID,
        ownerColdkey: '//Alice',
        ownerHotkey: '//Alice//hot',
        ownerStake: '100000000000',
        // One validator slot, held by the owner's stake: every epoch leaves //Dave//miner without a permit.
        hyperparameters: { tempo: 10, maxAllowedValidators: 1, weightsSetRateLimit: 0, servingRateLimit: 0 },
        neurons: [
          { hotkey: '//Dave//miner', coldkey: '//Dave' },
          { hotkey: '//Ferdie//miner', coldkey: '//Ferdie' },
        ],
      },
    ],
  },
};

/** Everything a refused node could have changed on chain. */
interface ChainFootprint {
  readonly nonces: readonly number[];
  readonly axons: string;
  readonly weights: string;
}

describe('taonode miner / validator preflight refusals against a running network', () => {
  let devnet: LaunchedDevnet;
  let api: ApiPromise;
  let home: string;
  let walletPath: string;
  let lockedPasswordVariable: string;

  const subtensorEntries = async (item: string): Promise<string> => {
    const entry = api.query.subtensorModule?.[item];
    if (entry === undefined) {
      throw new Error(`no storage item ${item}`);
    }
    const entries = await entry.entries(NETUID);
    return JSON.stringify(entries.map(([key, value]: [Codec, Codec]) => [key.toHex(), value.toHex()]).sort());
  };
  const footprint = async (): Promise<ChainFootprint> => ({
    nonces: await Promise.all(
      ACCOUNTS.map(async (key) =>
        ((await api.query.system?.account?.(key.ss58Address)) as AccountInfo).nonce.toNumber(),
      ),
    ),
    axons: await subtensorEntries('axons'),
    weights: await subtensorEntries('weights'),
  });
  const bestBlock = async (): Promise<number> => (await api.rpc.chain.getHeader()).number.toNumber();

  /** The node command as an operator would type it, with flags only, against the devnet. */
  const nodeArgs = (role: 'miner' | 'validator', walletName: string, ...extra: string[]): string[] => [
    role,
    '--netuid',
    String(NETUID),
    '--subtensor.chain_endpoint',
    devnet.url,
    '--wallet.path',
    walletPath,
    '--wallet.name',
    walletName,
    '--wallet.hotkey',
    'default',
    ...extra,
  ];
  /** Runs the node command without a terminal and without any password variable. */
  const node = (role: 'miner' | 'validator', walletName: string, ...extra: string[]): Promise<CliResult> =>
    runCli(nodeArgs(role, walletName, ...extra), cleanEnv(home));

  /**
   * Runs `refused`, then lets the network build a few more blocks (so anything sent would have landed) and checks the
   * footprint did not move and the pool is empty.
   */
  const expectNothingSubmitted = async (refused: () => Promise<CliResult>): Promise<CliResult> => {
    const before = await footprint();
    const result = await refused();
    const after = (await bestBlock()) + 3;
    await waitFor('three more blocks', async () => ((await bestBlock()) >= after ? true : undefined), 60_000, 100);
    expect(await rpcCall<unknown[]>(devnet.url, 'author_pendingExtrinsics', [])).toEqual([]);
    expect(await footprint()).toEqual(before);
    return result;
  };

  /** Exit code 1 and exactly one stderr line: `taonode <role>: preflight failed: <reason>; fix: <command>`. */
  const expectRefusal = (result: CliResult, role: string, reason: RegExp, fix: RegExp): void => {
    const lines = result.stderr.split('\n').filter((line) => line.startsWith(`taonode ${role}:`));
    expect({ code: result.code, lines }).toEqual({ code: 1, lines: [expect.any(String)] });
    const match = /^taonode \w+: preflight failed: (.+); fix: (.+)$/u.exec(lines[0] ?? '');
    expect(match?.[1]).toMatch(reason);
    expect(match?.[2]).toMatch(fix);
    expect(result.stdout).not.toMatch(/running \(children/u);
  };

  beforeAll(async () => {
    devnet = await startDevnet({ manual: false, blockTimeMs: BLOCK_TIME_MS, genesis });
    api = await ApiPromise.create({
      provider: new WsProvider(devnet.url),
      signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
      noInitWarn: true,
    });
    home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-node-preflight-'));
    walletPath = path.join(home, 'wallets');
    const registered = new Wallet({ name: 'registered', hotkey: 'default', path: walletPath });
    await registered.writeColdkey(registeredCold, { password: 'cold-password' });
    await registered.writeHotkey(registeredHot);
    const unregistered = new Wallet({ name: 'unregistered', hotkey: 'default', path: walletPath });
    await unregistered.writeColdkey(unregisteredCold, { password: null });
    await unregistered.writeHotkey(unregisteredHot);
    // btcli's `--use-password` hotkey (one Argon2i derivation here, one per test that unlocks it).
    const locked = new Wallet({ name: 'locked', hotkey: 'default', path: walletPath });
    await locked.writeColdkey(lockedCold, { password: null });
    await locked.writeHotkey(lockedHot, { password: LOCKED_HOTKEY_PASSWORD });
    lockedPasswordVariable = locked.hotkeyFile.passwordEnvVarName;
  }, 120_000);

  afterAll(async () => {
    await api?.disconnect();
    await devnet?.stop();
    if (home !== undefined) {
      await fs.rm(home, { recursive: true, force: true });
    }
  });

  it('refuses a missing wallet, naming the command that creates it', async () => {
    const result = await expectNothingSubmitted(() => node('miner', 'nobody', '--axon.external_ip', '10.1.2.3'));
    expectRefusal(
      result,
      'miner',
      /^wallet "nobody" has no readable coldkeypub in /u,
      /^taonode wallet new-coldkey --wallet\.name nobody --wallet\.path /u,
    );
  });

  it('refuses a wallet without the named hotkey', async () => {
    const result = await expectNothingSubmitted(() =>
      node('validator', 'registered', '--wallet.hotkey', 'missing-hotkey'),
    );
    expectRefusal(
      result,
      'validator',
      /^wallet "registered" has no hotkey "missing-hotkey" in /u,
      /^taonode wallet new-hotkey --wallet\.name registered --wallet\.hotkey missing-hotkey /u,
    );
  });

  it('refuses an encrypted hotkey when there is no terminal and no BT_PW_ variable, naming the variable', async () => {
    const result = await expectNothingSubmitted(() => node('miner', 'locked', '--axon.external_ip', '10.1.2.3'));
    expectRefusal(
      result,
      'miner',
      /^hotkey "default" of wallet "locked" is encrypted and there is no terminal to ask for its password$/u,
      new RegExp(`^set ${lockedPasswordVariable} to the password in btwallet's encoding `, 'u'),
    );
    expect(lockedPasswordVariable).toBe(
      `BT_PW_${path.join(walletPath, 'locked', 'hotkeys', 'default').toUpperCase().replace(/[/.]/gu, '_')}`,
    );
  });

  // One Argon2i derivation (a few seconds).
  it('refuses an encrypted hotkey whose BT_PW_ variable holds a wrong password: nothing started or submitted', async () => {
    const env = { [lockedPasswordVariable]: btPasswordValue(lockedPasswordVariable, 'not-the-password') };
    const result = await expectNothingSubmitted(() =>
      runCli(nodeArgs('miner', 'locked', '--axon.external_ip', '10.1.2.3'), cleanEnv(home, env)),
    );
    expectRefusal(
      result,
      'miner',
      /^wrong password for hotkey "default" of wallet "locked"$/u,
      new RegExp(`^set ${lockedPasswordVariable} to the hotkey's password in btwallet's encoding`, 'u'),
    );
    expect(`${result.stdout}${result.stderr}`).not.toContain('not-the-password');
  });

  // One Argon2i derivation; the miner then announces its axon (the one transaction it sends) and starts its services.
  it('unlocks an encrypted hotkey with its BT_PW_ variable, passes the preflight and starts the services', async () => {
    const env = { [lockedPasswordVariable]: btPasswordValue(lockedPasswordVariable, LOCKED_HOTKEY_PASSWORD) };
    const result = await runCliUntil(
      nodeArgs('miner', 'locked', '--axon.external_ip', '10.1.2.3', '--axon.port', '18094'),
      cleanEnv(home, env),
      // The first line after the preflight: the supervisor started the node's Redis. Then SIGTERM stops it all.
      /^ {2}redis {5}redis:\/\//mu,
    );
    expect(result.stderr).not.toMatch(/preflight failed/u);
    expect(result.stdout).toContain(
      `  wallet    hotkey "default" of wallet "locked" unlocked (password from ${lockedPasswordVariable})`,
    );
    expect(result.stdout).toMatch(new RegExp(`^ {2}hotkey {4}${lockedHot.ss58Address} uid 2$`, 'mu'));
    expect(result.stdout).toMatch(/^ {2}axon {6}10\.1\.2\.3:18094 announced now \(serve_axon\)$/mu);
    expect(result.stdout).toMatch(/^taonode miner: stopped$/mu);
    expect(result.code).toBe(0);
    // Neither the password nor its variable's value is printed (the child environment is never logged).
    expect(`${result.stdout}${result.stderr}`).not.toContain(LOCKED_HOTKEY_PASSWORD);
    expect(`${result.stdout}${result.stderr}`).not.toContain(env[lockedPasswordVariable]);
    const axon = (await api.query.subtensorModule?.axons?.(NETUID, lockedHot.ss58Address))?.toJSON();
    expect(axon).toMatchObject({ port: 18094 });
  });

  it('starts nothing for a hotkey whose coldkey is encrypted: the coldkey is not needed, no password is asked', async () => {
    // The encrypted-coldkey wallet gets past the wallet checks to the next refusal (no permit): no prompt, no unlock.
    const result = await expectNothingSubmitted(() => node('validator', 'registered'));
    expect(result.stderr).not.toMatch(/password/iu);
    expectRefusal(result, 'validator', /^uid 1 has no validator permit on subnet 1 /u, /^taonode stake add /u);
  });

  it('refuses a hotkey that is not registered on the subnet', async () => {
    const result = await expectNothingSubmitted(() => node('miner', 'unregistered', '--axon.external_ip', '10.1.2.3'));
    expectRefusal(
      result,
      'miner',
      new RegExp(`^hotkey ${unregisteredHot.ss58Address} is not registered on subnet ${NETUID}$`, 'u'),
      /^taonode subnet register --netuid 1 --wallet\.name unregistered --wallet\.hotkey default --wallet\.path /u,
    );
  });

  it('refuses to announce 127.0.0.1 (and a miner without any routable address)', async () => {
    const loopback = await expectNothingSubmitted(() =>
      node('miner', 'registered', '--axon.external_ip', '127.0.0.1', '--axon.port', '18091'),
    );
    expectRefusal(loopback, 'miner', /^cannot announce 127\.0\.0\.1: /u, /^pass --axon\.external_ip <public ip>/u);

    const none = await expectNothingSubmitted(() => node('miner', 'registered', '--axon.port', '18091'));
    expectRefusal(
      none,
      'miner',
      /^no routable axon address to announce \(the chain holds none for this hotkey\)$/u,
      /^pass --axon\.external_ip <public ip>/u,
    );
  });

  it('refuses a validator without a validator permit, naming its stake and the stake command', async () => {
    const result = await expectNothingSubmitted(() => node('validator', 'registered'));
    expectRefusal(
      result,
      'validator',
      /^uid 1 has no validator permit on subnet 1 \(stake 0 τ\)$/u,
      /^taonode stake add --netuid 1 --amount <tao> --wallet\.name registered --wallet\.hotkey default --wallet\.path \S+, then wait for the next epoch$/u,
    );
  });

  it('a bad flag is a usage error (exit 2), before the chain is dialled', async () => {
    const result = await runCli(['miner', '--netuid', 'x', '--subtensor.chain_endpoint', devnet.url], cleanEnv(home));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^taonode miner: --netuid must be an integer in 0\.\.65535, got "x"$/mu);
  });
});

/**
 * Runs `node bin/taonode.js …` (stdin a closed pipe) until its stdout shows `until`, then sends SIGTERM, as an
 * operator's Ctrl-C or systemd's stop would, and resolves once it has exited.
 */
function runCliUntil(args: string[], env: NodeJS.ProcessEnv, until: RegExp): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'taonode.js'), ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end();
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!signalled && until.test(stdout)) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** btwallet's `save_password_to_env` value: base64 of the password XOR-ed with the repeated variable name. */
function btPasswordValue(variable: string, password: string): string {
  const key = Buffer.from(variable, 'utf8');
  const bytes = Buffer.from(password, 'utf8').map((byte, index) => byte ^ (key[index % key.length] ?? 0));
  return Buffer.from(bytes).toString('base64');
}
