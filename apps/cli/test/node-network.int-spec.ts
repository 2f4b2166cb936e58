import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Option, u16, Vec, bool } from '@polkadot/types';
import type { ITuple } from '@polkadot/types/types';
import { Redis } from 'ioredis';
import { SUBTENSOR_SIGNED_EXTENSIONS } from '@taonode/chain';
import { isProcessGroupAlive, stablePort } from '@taonode/process';
import { startDevnet, startRedisServer, waitFor, type LaunchedDevnet, type LaunchedRedis } from '@taonode/testing';
import { cleanEnv, runCli, type CliResult } from './cli-process.helper';
import { childGroups, killStartedNodes, metricSum, startNodeProcess, stopNode } from './node-process.helper';

// The operator's path on "the network" (a devnet started separately, producing 250 ms blocks): wallets made with
// the CLI (the coldkey encrypted), funded by a transfer from //Alice, registered and staked with the CLI; then
// `taonode miner` and `taonode validator` started with flags only, as on two machines (the miner with its private
// Redis, the validator with the operator's password-protected REDIS_URL). A validator round reaches the miner's
// axon and the validator's weights land on chain; the validator's rotated log files hold JSON lines without secrets.
jest.setTimeout(900_000);

const NETUID = 1;
const BLOCK_TIME_MS = 250;
const COLD_PASSWORD = 'operator-cold-pw-1';
const REDIS_PASSWORD = 'redis-secret-7f3a';
/** The smallest the CLI accepts: a few minutes of debug logs rotate. */
const LOG_MAX_BYTES = 1024;
const LOG_MAX_FILES = 2;
/** Services compile on first start and the box is shared: bounds a hang, never measures speed. */
const NODE_RUNNING_WITHIN_MS = 300_000;

function expectOk(result: CliResult): void {
  expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
}

describe('taonode miner and taonode validator on a separately started network', () => {
  let devnet: LaunchedDevnet;
  let operatorRedis: LaunchedRedis;
  let api: ApiPromise;
  let home: string;
  let walletPath: string;
  let passwordFile: string;
  let env: NodeJS.ProcessEnv;
  const secrets: string[] = [REDIS_PASSWORD, COLD_PASSWORD];
  const hotkeys: Record<'miner' | 'validator', string> = { miner: '', validator: '' };
  let minerUid: number;
  let validatorUid: number;

  const cli = async (...args: string[]): Promise<CliResult> => {
    const result = await runCli([...args, '--subtensor.chain_endpoint', devnet.url], env);
    expectOk(result);
    return result;
  };
  const operator = (hotkey: string): string[] => [
    '--wallet.path',
    walletPath,
    '--wallet.name',
    'operator',
    '--wallet.hotkey',
    hotkey,
  ];
  const uidOf = async (hotkey: string): Promise<number> => {
    const uid = (await api.query.subtensorModule?.uids?.(NETUID, hotkey)) as Option<u16>;
    return uid.unwrap().toNumber();
  };

  beforeAll(async () => {
    [devnet, operatorRedis] = await Promise.all([
      startDevnet({ manual: false, blockTimeMs: BLOCK_TIME_MS }),
      startRedisServer({ appendOnly: true }),
    ]);
    const admin = new Redis(operatorRedis.url);
    await admin.config('SET', 'requirepass', REDIS_PASSWORD);
    admin.disconnect();
    api = await ApiPromise.create({
      provider: new WsProvider(devnet.url),
      signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
      noInitWarn: true,
    });
    home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-node-network-'));
    walletPath = path.join(home, 'wallets');
    passwordFile = path.join(home, 'cold-password');
    await fs.writeFile(passwordFile, `${COLD_PASSWORD}\n`, { mode: 0o600 });
    const { REDIS_URL: _operatorsOwn, ...base } = cleanEnv(home);
    env = base;

    // Wallets: a dev wallet for //Alice (the faucet of the devnet) and the operator's, coldkey encrypted.
    await runCli(
      [
        'wallet',
        'new-coldkey',
        '--uri',
        'alice',
        '--wallet.name',
        'alice',
        '--wallet.path',
        walletPath,
        '--no-password',
      ],
      env,
    ).then(expectOk);
    const coldkey = JSON.parse(
      (
        await runCli(
          ['wallet', 'new-coldkey', '--wallet.name', 'operator', '--wallet.path', walletPath].concat([
            '--password-file',
            passwordFile,
            '--json',
          ]),
          env,
        )
      ).stdout,
    ) as { ss58_address: string; mnemonic: string };
    secrets.push(coldkey.mnemonic);
    for (const role of ['miner', 'validator'] as const) {
      const made = await runCli(['wallet', 'new-hotkey', ...operator(role), '--json'], env);
      expectOk(made);
      const report = JSON.parse(made.stdout) as { ss58_address: string; mnemonic: string };
      hotkeys[role] = report.ss58_address;
      secrets.push(report.mnemonic);
    }

    // Funding, registration and stake: the operator's own CLI commands (the node never does any of them).
    await cli(
      'wallet',
      'transfer',
      '--wallet.path',
      walletPath,
      '--wallet.name',
      'alice',
      '--dest',
      coldkey.ss58_address,
      '--amount',
      '100',
      '--no-prompt',
    );
    for (const role of ['miner', 'validator'] as const) {
      await cli(
        'subnet',
        'register',
        '--netuid',
        String(NETUID),
        ...operator(role),
        '--password-file',
        passwordFile,
        '--no-prompt',
      );
    }
    await cli(
      'stake',
      'add',
      '--netuid',
      String(NETUID),
      '--amount',
      '50',
      ...operator('validator'),
      '--password-file',
      passwordFile,
      '--no-prompt',
    );
    [minerUid, validatorUid] = [await uidOf(hotkeys.miner), await uidOf(hotkeys.validator)];
    // Permits are recomputed at the epoch (tempo 10: every 11 blocks).
    await waitFor(
      'the validator permit of the staked hotkey',
      async () => {
        const permits = (await api.query.subtensorModule?.validatorPermit?.(NETUID)) as Vec<bool>;
        return permits[validatorUid]?.isTrue === true ? true : undefined;
      },
      120_000,
      250,
    );
  }, 600_000);

  afterAll(async () => {
    await killStartedNodes();
    await api?.disconnect();
    await devnet?.stop();
    await operatorRedis?.stop();
    if (home !== undefined) {
      await fs.rm(home, { recursive: true, force: true });
    }
  });

  it('mines and validates with CLI-made wallets: a round reaches the miner and weights land on chain', async () => {
    // The miner: flags only, its own private Redis (another machine in real life).
    // Below the ephemeral range: the miner picks its ops ports with listen(0), which could otherwise be offered this
    // port before its gateway binds it.
    const axonPort = await stablePort();
    const miner = startNodeProcess(
      [
        'miner',
        '--netuid',
        String(NETUID),
        '--subtensor.chain_endpoint',
        devnet.url,
        ...operator('miner'),
        '--axon.port',
        String(axonPort),
        '--axon.external_ip',
        '127.0.0.2',
        '--workers',
        '1',
      ],
      env,
    );
    const logDir = path.join(home, 'logs', 'validator');
    const validator = startNodeProcess(
      [
        'validator',
        '--netuid',
        String(NETUID),
        '--subtensor.chain_endpoint',
        devnet.url,
        ...operator('validator'),
        '--logging.debug',
        '--logging.logging_dir',
        logDir,
        '--logging.max_bytes',
        String(LOG_MAX_BYTES),
        '--logging.max_files',
        String(LOG_MAX_FILES),
      ],
      { ...env, REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:${operatorRedis.port}` },
    );
    const minerOps = await miner.opsUrls(NODE_RUNNING_WITHIN_MS);
    expect(miner.lines).toContain(`  axon      127.0.0.2:${axonPort} announced now (serve_axon)`);
    const validatorOps = await validator.opsUrls(NODE_RUNNING_WITHIN_MS);
    expect(Object.keys(validatorOps).sort()).toEqual([
      'chain-sync',
      'inference-worker-1',
      'validator-scorer',
      'weight-setter',
    ]);

    // A validator round reaches the miner's axon and is answered; the scorer records the answer.
    const explain = (error: unknown): never => {
      const tails = [miner, validator].map((node) => node.lines.slice(-25).join('\n'));
      throw new Error(`${String(error)}\nminer:\n${tails[0]}\nvalidator:\n${tails[1]}`);
    };
    const gateway = minerOps['axon-gateway'] ?? '';
    await waitFor(
      "the validator's requests answered by the miner's axon",
      async () =>
        (await metricSum(gateway, 'taonode_gateway_requests_total', { status: '200' })) > 0 ? true : undefined,
      NODE_RUNNING_WITHIN_MS,
      500,
    ).catch(explain);
    const scorer = validatorOps['validator-scorer'] ?? '';
    await waitFor(
      'a successful miner response recorded by the scorer',
      async () =>
        (await metricSum(scorer, 'taonode_scorer_responses_total', { status: '200' })) > 0 ? true : undefined,
      NODE_RUNNING_WITHIN_MS,
      500,
    ).catch(explain);

    // The validator's weights land on chain, with weight on the miner.
    const weights = await waitFor(
      "the validator's weights on chain",
      async () => {
        const row = (await api.query.subtensorModule?.weights?.(NETUID, validatorUid)) as Vec<ITuple<[u16, u16]>>;
        const pairs = row.map(([uid, value]) => [uid.toNumber(), value.toNumber()] as const);
        return pairs.some(([uid, value]) => uid === minerUid && value > 0) ? pairs : undefined;
      },
      NODE_RUNNING_WITHIN_MS,
      500,
    ).catch(explain);
    expect(weights.find(([uid]) => uid === minerUid)?.[1]).toBeGreaterThan(0);

    // SIGTERM: both stop every service in order and exit 0.
    const groups = [...childGroups(miner), ...childGroups(validator)];
    const [minerCode, validatorCode] = await Promise.all([stopNode(miner), stopNode(validator)]);
    expect({ minerCode, validatorCode }).toEqual({ minerCode: 0, validatorCode: 0 });
    expect(validator.lines).toContain('taonode validator: stopped');
    await waitFor(
      'every service process to be gone',
      () => (groups.some(isProcessGroupAlive) ? undefined : true),
      60_000,
      100,
    );

    // Logs: one rotated set per service, bounded, JSON lines, no secret anywhere (files or stdout).
    const files = await fs.readdir(logDir);
    for (const service of ['chain-sync', 'inference-worker-1', 'validator-scorer', 'weight-setter']) {
      const own = files.filter((name) => name === `${service}.log` || name.startsWith(`${service}.log.`));
      expect(own).toContain(`${service}.log`);
      expect(own.length).toBeLessThanOrEqual(1 + LOG_MAX_FILES);
    }
    expect({ files, rotated: files.some((name) => name.endsWith('.log.1')) }).toEqual({ files, rotated: true });
    const texts = await Promise.all(files.map((name) => fs.readFile(path.join(logDir, name), 'utf8')));
    for (const text of texts) {
      const lines = text.split('\n').filter((line) => line !== '');
      // A file grows past the bound only by a single line longer than the bound.
      expect(Buffer.byteLength(text) <= LOG_MAX_BYTES || lines.length === 1).toBe(true);
      const json = lines.filter((line) => line.startsWith('{'));
      expect(json.length).toBeGreaterThan(0);
      json.forEach((line) => expect(() => JSON.parse(line) as unknown).not.toThrow());
    }
    const everything = [...texts, miner.lines.join('\n'), validator.lines.join('\n')].join('\n');
    for (const secret of secrets) {
      expect(everything.includes(secret)).toBe(false);
    }
  });
});
