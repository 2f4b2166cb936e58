import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadBittensorVectors } from '@taonode/testing';
import { encodePasswordForEnv, Keypair, passwordEnvVarName, verifySignature } from '@taonode/wallet';
import { cleanEnv, runCli, runCliInPty, type CliResult } from './cli-process.helper';

// End-to-end: every test spawns `node bin/taonode.js wallet …` against a temporary --wallet.path.
// Tests marked SLOW run real Argon2i (512 MiB, ~5 s per encryption or decryption).
jest.setTimeout(180_000);

interface KeyVectors {
  mnemonic: string;
  mini_secret_seed: string;
  public_key: string;
  ss58_format_42: string;
}
const keyVectors = loadBittensorVectors<{ keys: KeyVectors }>().keys;

function hasCommand(name: string): boolean {
  return spawnSync('which', [name], { stdio: 'ignore' }).status === 0;
}

/** A failed command: non-zero exit, exactly one `error: …` line on stderr carrying the stable code. */
function expectOneLineError(result: CliResult, code: string): string {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  const [line = ''] = lines;
  expect(line.startsWith('error: ')).toBe(true);
  expect(line.endsWith(`(${code})`)).toBe(true);
  return line;
}

function parseJson<T>(result: CliResult): T {
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

interface KeyWrittenJson {
  wallet: string;
  hotkey?: string;
  key: 'coldkey' | 'hotkey';
  ss58_address: string;
  public_key: string;
  encrypted: boolean;
  files: string[];
  mnemonic?: string;
}

describe('taonode wallet (CLI end to end)', () => {
  let home: string;
  let walletPath: string;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]): Promise<CliResult> => runCli(['wallet', ...args, '--wallet.path', walletPath], env);
  const cliWithStdin = (stdin: string, ...args: string[]): Promise<CliResult> =>
    runCli(['wallet', ...args, '--wallet.path', walletPath], env, stdin);

  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-cli-wallet-'));
    walletPath = path.join(home, 'wallets');
    env = cleanEnv(home);
  });

  afterAll(async () => {
    await fs.rm(home, { recursive: true, force: true });
  });

  describe('creating keys', () => {
    it('new-coldkey --no-password --json writes btcli files (0600 in 0700 dirs) and returns the mnemonic', async () => {
      const created = parseJson<KeyWrittenJson>(
        await cli('new-coldkey', '--wallet.name', 'alpha', '--no-password', '--json'),
      );
      expect(created).toMatchObject({ wallet: 'alpha', key: 'coldkey', encrypted: false });
      const mnemonic = created.mnemonic ?? '';
      expect(mnemonic.split(' ')).toHaveLength(12);
      expect(Keypair.fromMnemonic(mnemonic).ss58Address).toBe(created.ss58_address);

      const directory = path.join(walletPath, 'alpha');
      expect(created.files).toEqual([path.join(directory, 'coldkey'), path.join(directory, 'coldkeypub.txt')]);
      const coldkey = JSON.parse(await fs.readFile(path.join(directory, 'coldkey'), 'utf8')) as Record<string, string>;
      expect(coldkey.secretPhrase).toBe(mnemonic);
      expect(coldkey.ss58Address).toBe(created.ss58_address);
      for (const target of [walletPath, directory]) {
        expect((await fs.stat(target)).mode & 0o777).toBe(0o700);
      }
      for (const file of created.files) {
        expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      }
    });

    it('new-coldkey prints the mnemonic once in text mode and honours --n-words', async () => {
      const result = await cli('new-coldkey', '--wallet.name', 'beta', '--no-password', '--n-words', '24');
      expect(result.code).toBe(0);
      const matches = [...result.stdout.matchAll(/The mnemonic to the new coldkey is: (.+)/g)];
      expect(matches).toHaveLength(1);
      const mnemonic = matches[0]?.[1] ?? '';
      expect(mnemonic.split(' ')).toHaveLength(24);
      const address = Keypair.fromMnemonic(mnemonic).ss58Address;
      expect(result.stdout).toContain(`ss58_address ${address}`);
      expect(result.stderr).toBe('');
    });

    it('new-hotkey writes a plaintext hotkey and its pub file', async () => {
      const created = parseJson<KeyWrittenJson>(
        await cli('new-hotkey', '--wallet.name', 'alpha', '--wallet.hotkey', 'miner', '--json'),
      );
      expect(created).toMatchObject({ wallet: 'alpha', hotkey: 'miner', key: 'hotkey', encrypted: false });
      const hotkey = JSON.parse(await fs.readFile(path.join(walletPath, 'alpha/hotkeys/miner'), 'utf8')) as Record<
        string,
        string
      >;
      expect(hotkey.secretPhrase).toBe(created.mnemonic);
      const pub = JSON.parse(await fs.readFile(path.join(walletPath, 'alpha/hotkeys/minerpub.txt'), 'utf8')) as Record<
        string,
        string
      >;
      expect(pub).toEqual({
        accountId: created.public_key,
        publicKey: created.public_key,
        ss58Address: created.ss58_address,
      });
    });

    it('regen-coldkey --mnemonic and regen-hotkey --seed reproduce the vector key', async () => {
      const coldkey = parseJson<KeyWrittenJson>(
        await cli(
          'regen-coldkey',
          '--wallet.name',
          'vector',
          '--mnemonic',
          keyVectors.mnemonic,
          '--no-password',
          '--json',
        ),
      );
      expect(coldkey.ss58_address).toBe(keyVectors.ss58_format_42);
      expect(coldkey.mnemonic).toBeUndefined();
      const hotkey = parseJson<KeyWrittenJson>(
        await cli('regen-hotkey', '--wallet.name', 'vector', '--seed', keyVectors.mini_secret_seed, '--json'),
      );
      expect(hotkey.public_key).toBe(keyVectors.public_key);
    });

    it("new-coldkey --uri alice writes the devnet's funded //Alice (btcli's --uri), with no mnemonic", async () => {
      // Its own wallet folder: the listing tests below expect only the wallets made above.
      const args = ['wallet', 'new-coldkey', '--uri', 'alice', '--no-password', '--json'];
      const created = parseJson<KeyWrittenJson>(
        await runCli([...args, '--wallet.path', path.join(home, 'dev-wallets')], env),
      );
      expect(created.ss58_address).toBe(Keypair.fromUri('//Alice').ss58Address);
      expect(created.mnemonic).toBeUndefined();
    });

    it('takes wallet name, hotkey and path from WALLET_* / BT_WALLET_* when flags are absent', async () => {
      const envWithWallet = { ...env, WALLET_NAME: 'from-env', BT_WALLET_HOTKEY: 'bt-hot', BT_WALLET_PATH: walletPath };
      const result = await runCli(
        ['wallet', 'regen-hotkey', '--seed', keyVectors.mini_secret_seed, '--json'],
        envWithWallet,
      );
      expect(parseJson<KeyWrittenJson>(result).files).toEqual([
        path.join(walletPath, 'from-env/hotkeys/bt-hot'),
        path.join(walletPath, 'from-env/hotkeys/bt-hotpub.txt'),
      ]);
    });
  });

  describe('mnemonics and seeds kept off the command line', () => {
    // A folder of their own, so the listing tests below see only the wallets they expect.
    const secretsPath = (): string => path.join(home, 'secret-wallets');
    const regen = (walletName: string, extra: string[], stdin?: string, extraEnv: Record<string, string> = {}) =>
      runCli(
        [
          'wallet',
          'regen-coldkey',
          '--wallet.name',
          walletName,
          '--wallet.path',
          secretsPath(),
          '--no-password',
          '--json',
          ...extra,
        ],
        { ...env, ...extraEnv },
        stdin,
      );

    it('--mnemonic <words> works but warns on stderr that every user can read it', async () => {
      const result = await regen('on-argv', ['--mnemonic', keyVectors.mnemonic]);
      expect(parseJson<KeyWrittenJson>(result).ss58_address).toBe(keyVectors.ss58_format_42);
      expect(result.stderr).toMatch(/^warning: a mnemonic given on the command line is visible to every user/u);
      expect(result.stderr).toContain('--mnemonic-file');
      expect(result.stderr).not.toContain(keyVectors.mnemonic.split(' ')[0]);
    });

    it('--mnemonic - reads it from stdin (a real pipe), without a warning', async () => {
      const result = await regen('from-stdin', ['--mnemonic', '-'], `${keyVectors.mnemonic}\n`);
      expect(parseJson<KeyWrittenJson>(result).ss58_address).toBe(keyVectors.ss58_format_42);
      expect(result.stderr).toBe('');
    });

    it('--mnemonic-file and --seed-file read files; TAONODE_MNEMONIC and TAONODE_SEED the environment', async () => {
      const mnemonicFile = path.join(home, 'mnemonic.txt');
      const seedFile = path.join(home, 'seed.txt');
      await fs.writeFile(mnemonicFile, `${keyVectors.mnemonic}\n`, { mode: 0o600 });
      await fs.writeFile(seedFile, keyVectors.mini_secret_seed, { mode: 0o600 });
      for (const [name, extra, extraEnv] of [
        ['from-mnemonic-file', ['--mnemonic-file', mnemonicFile], {}],
        ['from-seed-file', ['--seed-file', seedFile], {}],
        ['from-mnemonic-env', [], { TAONODE_MNEMONIC: keyVectors.mnemonic }],
        ['from-seed-env', [], { TAONODE_SEED: keyVectors.mini_secret_seed }],
      ] as const) {
        const result = await regen(name, [...extra], undefined, extraEnv);
        expect({ name, address: parseJson<KeyWrittenJson>(result).ss58_address, stderr: result.stderr }).toEqual({
          name,
          address: keyVectors.ss58_format_42,
          stderr: '',
        });
      }
    });

    it('refuses an oversized stdin or file before parsing it, and writes nothing', async () => {
      const huge = 'abandon '.repeat(1000);
      expectOneLineError(await regen('huge-stdin', ['--mnemonic', '-'], huge), 'TAONODE_CLI_USAGE');
      const hugeFile = path.join(home, 'huge.txt');
      await fs.writeFile(hugeFile, huge);
      const line = expectOneLineError(await regen('huge-file', ['--seed-file', hugeFile]), 'TAONODE_CLI_USAGE');
      expect(line).toContain('4096 bytes');
      await expect(fs.stat(path.join(secretsPath(), 'huge-stdin'))).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(fs.stat(path.join(secretsPath(), 'huge-file'))).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it('without any source and without a terminal, names the ways to give it', async () => {
      const line = expectOneLineError(await regen('nothing', []), 'TAONODE_CLI_USAGE');
      expect(line).toContain('--mnemonic-file');
      expect(line).toContain('TAONODE_MNEMONIC');
    });
  });

  describe('reading wallets', () => {
    it('list draws the btcli tree and --json gives the btcli shape', async () => {
      const text = await cli('list');
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(`└── Coldkey vector  ss58_address ${keyVectors.ss58_format_42}\n`);
      expect(text.stdout).toContain(`    └── Hotkey default  ss58_address ${keyVectors.ss58_format_42}\n`);
      expect(text.stdout.startsWith('Wallets\n')).toBe(true);

      const json = parseJson<{ wallets: { name: string; ss58_address: string; hotkeys: { name: string }[] }[] }>(
        await cli('list', '--json'),
      );
      expect(json.wallets.map((wallet) => wallet.name)).toEqual(['alpha', 'beta', 'vector']);
      expect(json.wallets.find((wallet) => wallet.name === 'alpha')?.hotkeys.map((hotkey) => hotkey.name)).toEqual([
        'miner',
      ]);
    });

    it('inspect shows addresses and public keys only, never secrets', async () => {
      const text = await cli('inspect', '--wallet.name', 'vector');
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(
        `Coldkey  ss58_address ${keyVectors.ss58_format_42}  public_key ${keyVectors.public_key}`,
      );
      const json = parseJson<{ coldkey: { ss58_address: string; encryption: string }; hotkeys: unknown[] }>(
        await cli('inspect', '--wallet.name', 'vector', '--json'),
      );
      expect(json.coldkey).toMatchObject({ ss58_address: keyVectors.ss58_format_42, encryption: 'none' });
      expect(json.hotkeys).toHaveLength(1);
      for (const output of [text.stdout, JSON.stringify(json)]) {
        expect(output).not.toContain(keyVectors.mnemonic.split(' ')[0]);
        expect(output).not.toContain(keyVectors.mini_secret_seed.slice(2));
      }
    });

    it('sign prints a 0x signature that verify accepts (address, public key or wallet) and a tampered one fails', async () => {
      const signed = await cli('sign', '--wallet.name', 'vector', '--use-hotkey', '--message', 'hello taonode');
      expect(signed.code).toBe(0);
      const signature = signed.stdout.trim();
      expect(signature).toMatch(/^0x[0-9a-f]{128}$/);
      expect(verifySignature('hello taonode', signature, keyVectors.ss58_format_42)).toBe(true);

      for (const signer of [['--address', keyVectors.ss58_format_42], ['--address', keyVectors.public_key], []]) {
        const verified = await cli(
          'verify',
          '--wallet.name',
          'vector',
          '--message',
          'hello taonode',
          '--signature',
          signature,
          ...signer,
        );
        expect(verified.code).toBe(0);
        expect(verified.stdout).toBe(`signature is valid for ${keyVectors.ss58_format_42}\n`);
      }
      const tampered = await cli(
        'verify',
        '--wallet.name',
        'vector',
        '--message',
        'hello taonodE',
        '--signature',
        signature,
        '--json',
      );
      expect(tampered.code).toBe(1);
      expect(JSON.parse(tampered.stdout)).toEqual({ valid: false, ss58_address: keyVectors.ss58_format_42 });
      expect(tampered.stderr).toBe(`error: signature is not valid for ${keyVectors.ss58_format_42}\n`);
    });

    it('sign --json reports signature, signer and key', async () => {
      const json = parseJson<{ signature: string; ss58_address: string; key: string }>(
        await cli('sign', '--wallet.name', 'vector', '--message', '0x0102', '--json'),
      );
      expect(json).toMatchObject({ ss58_address: keyVectors.ss58_format_42, key: 'coldkey' });
      expect(verifySignature(new Uint8Array([1, 2]), json.signature, keyVectors.ss58_format_42)).toBe(true);
    });
  });

  describe('errors: one line on stderr, exit code 1', () => {
    it('missing wallet', async () => {
      expectOneLineError(await cli('inspect', '--wallet.name', 'ghost'), 'TAONODE_WALLET_NOT_FOUND');
      expectOneLineError(await cli('sign', '--wallet.name', 'ghost', '--message', 'x'), 'TAONODE_WALLET_NOT_FOUND');
    });

    it('malformed keyfile', async () => {
      await fs.writeFile(path.join(walletPath, 'vector/hotkeys/broken'), '{"secretPhrase": 12}', { mode: 0o600 });
      const line = expectOneLineError(
        await cli('sign', '--wallet.name', 'vector', '--wallet.hotkey', 'broken', '--use-hotkey', '--message', 'x'),
        'TAONODE_WALLET_MALFORMED_KEYFILE',
      );
      expect(line).toContain('Failed to parse keyfile data.');
    });

    it('bad mnemonic, without echoing its words', async () => {
      const words = keyVectors.mnemonic.split(' ');
      const swapped = [words[1], words[0], ...words.slice(2)].join(' ');
      const result = await cliWithStdin(
        swapped,
        'regen-coldkey',
        '--wallet.name',
        'typo',
        '--mnemonic',
        '-',
        '--no-password',
      );
      const line = expectOneLineError(result, 'TAONODE_WALLET_BAD_MNEMONIC');
      for (const word of words) {
        expect(line).not.toContain(` ${word} `);
      }
      await expect(fs.stat(path.join(walletPath, 'typo'))).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it('existing file without --overwrite leaves it untouched', async () => {
      const coldkeyPath = path.join(walletPath, 'vector/coldkey');
      const before = await fs.readFile(coldkeyPath, 'utf8');
      const line = expectOneLineError(
        await cli('new-coldkey', '--wallet.name', 'vector', '--no-password'),
        'TAONODE_WALLET_FILE_EXISTS',
      );
      expect(line).toContain('--overwrite');
      await expect(fs.readFile(coldkeyPath, 'utf8')).resolves.toBe(before);
    });

    it('--overwrite without a terminal needs --no-prompt, names the key it would replace, and keeps a backup', async () => {
      const coldkeyPath = path.join(walletPath, 'vector/coldkey');
      const before = await fs.readFile(coldkeyPath, 'utf8');
      const regen = (...extra: string[]): Promise<CliResult> =>
        cliWithStdin(
          keyVectors.mini_secret_seed,
          'regen-coldkey',
          '--wallet.name',
          'vector',
          '--seed',
          '-',
          '--no-password',
          '--overwrite',
          '--json',
          ...extra,
        );
      const refused = expectOneLineError(await regen(), 'TAONODE_CLI_USAGE');
      expect(refused).toContain(keyVectors.ss58_format_42);
      expect(refused).toContain('--no-prompt');
      await expect(fs.readFile(coldkeyPath, 'utf8')).resolves.toBe(before);

      const replaced = parseJson<KeyWrittenJson & { backups: string[] }>(await regen('--no-prompt'));
      expect(replaced.ss58_address).toBe(keyVectors.ss58_format_42);
      const after = JSON.parse(await fs.readFile(coldkeyPath, 'utf8')) as Record<string, string>;
      expect(after.secretPhrase).toBeUndefined();
      expect((await fs.stat(coldkeyPath)).mode & 0o777).toBe(0o600);
      const [coldkeyBackup = '', pubBackup = ''] = replaced.backups;
      expect(coldkeyBackup.startsWith(`${coldkeyPath}.bak-`)).toBe(true);
      expect(pubBackup.startsWith(path.join(walletPath, 'vector/coldkeypub.txt.bak-'))).toBe(true);
      await expect(fs.readFile(coldkeyBackup, 'utf8')).resolves.toBe(before);
      expect((await fs.stat(coldkeyBackup)).mode & 0o777).toBe(0o600);

      // btcli's -y does the same as --no-prompt.
      const again = parseJson<KeyWrittenJson & { backups: string[] }>(await regen('-y'));
      expect(again.backups).toHaveLength(2);
    });

    it('a coldkey whose coldkeypub.txt names another address is reported, with both addresses', async () => {
      const alice = Keypair.fromUri('//Alice');
      const bob = Keypair.fromUri('//Bob');
      await fs.mkdir(path.join(walletPath, 'halves'), { recursive: true });
      await fs.writeFile(
        path.join(walletPath, 'halves/coldkey'),
        JSON.stringify({ secretSeed: `0x${'11'.repeat(32)}`, ss58Address: alice.ss58Address }),
      );
      const signer = Keypair.fromSeed(`0x${'11'.repeat(32)}`);
      await fs.writeFile(
        path.join(walletPath, 'halves/coldkeypub.txt'),
        JSON.stringify({ accountId: bob.publicKeyHex, publicKey: bob.publicKeyHex, ss58Address: bob.ss58Address }),
      );
      const line = expectOneLineError(
        await cli('sign', '--wallet.name', 'halves', '--message', 'x'),
        'TAONODE_WALLET_KEY_MISMATCH',
      );
      expect(line).toContain(signer.ss58Address);
      expect(line).toContain(bob.ss58Address);
    });

    it('no terminal and neither --password-file nor --no-password writes nothing', async () => {
      expectOneLineError(await cli('new-coldkey', '--wallet.name', 'nopw'), 'TAONODE_WALLET_PASSWORD_REQUIRED');
      await expect(fs.stat(path.join(walletPath, 'nopw'))).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it('--json also puts the error on stdout', async () => {
      const result = await cli('inspect', '--wallet.name', 'ghost', '--json');
      expectOneLineError(result, 'TAONODE_WALLET_NOT_FOUND');
      expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'TAONODE_WALLET_NOT_FOUND' } });
    });
  });

  // SLOW: three Argon2i runs (encrypt, wrong-password decrypt, env-password decrypt).
  describe('encrypted coldkey with --password-file and BT_PW_ (slow: Argon2i)', () => {
    it('encrypts, rejects a wrong password, and unlocks with the btwallet env variable', async () => {
      const passwordFile = path.join(home, 'password.txt');
      const wrongFile = path.join(home, 'wrong.txt');
      await fs.writeFile(passwordFile, 'Correct-Horse-9\n');
      await fs.writeFile(wrongFile, 'Correct-Horse-8\n');

      const created = parseJson<KeyWrittenJson>(
        await cli(
          'regen-coldkey',
          '--wallet.name',
          'locked',
          '--mnemonic',
          keyVectors.mnemonic,
          '--password-file',
          passwordFile,
          '--json',
        ),
      );
      expect(created.encrypted).toBe(true);
      const coldkeyPath = path.join(walletPath, 'locked/coldkey');
      const raw = await fs.readFile(coldkeyPath);
      expect(raw.subarray(0, 5).toString('latin1')).toBe('$NACL');

      expectOneLineError(
        await cli('sign', '--wallet.name', 'locked', '--message', 'x', '--password-file', wrongFile),
        'TAONODE_WALLET_WRONG_PASSWORD',
      );
      expectOneLineError(
        await cli('sign', '--wallet.name', 'locked', '--message', 'x'),
        'TAONODE_WALLET_PASSWORD_REQUIRED',
      );

      const varName = passwordEnvVarName(coldkeyPath);
      const withEnv = { ...env, [varName]: encodePasswordForEnv(varName, 'Correct-Horse-9') };
      const signed = await runCli(
        ['wallet', 'sign', '--wallet.name', 'locked', '--message', 'x', '--wallet.path', walletPath],
        withEnv,
      );
      expect(signed.code).toBe(0);
      expect(verifySignature('x', signed.stdout.trim(), keyVectors.ss58_format_42)).toBe(true);
    });
  });

  // SLOW: two Argon2i runs. Needs a pseudo-terminal: util-linux `script`.
  const describeWithPty = hasCommand('script') ? describe : describe.skip;
  describeWithPty('password prompt on a real terminal (slow: Argon2i)', () => {
    const password = 'Tty-Pass-word-7';

    it('enforces the policy and confirmation without echo, then unlocks the key for sign', async () => {
      const created = await runCliInPty(
        ['wallet', 'new-coldkey', '--wallet.name', 'tty', '--wallet.path', walletPath, '--json'],
        env,
        [
          { waitFor: 'Enter a password to encrypt the coldkey: ', send: '~~~' },
          { waitFor: 'Enter a password to encrypt the coldkey: ', send: password },
          { waitFor: 'Retype your password: ', send: `${password}x` },
          { waitFor: 'Enter a password to encrypt the coldkey: ', send: password },
          { waitFor: 'Retype your password: ', send: password },
        ],
      );
      expect(created.code).toBe(0);
      expect(created.screen).toContain('Password not strong enough (password must be at least 6 characters).');
      expect(created.screen).toContain('Passwords do not match.');
      expect(created.screen).not.toContain(password);
      expect(created.screen).not.toContain('~~~');
      const jsonStart = created.screen.indexOf('{');
      const json = JSON.parse(created.screen.slice(jsonStart).replace(/\r\n/g, '\n')) as KeyWrittenJson;
      expect(json.encrypted).toBe(true);
      const raw = await fs.readFile(path.join(walletPath, 'tty/coldkey'));
      expect(raw.subarray(0, 5).toString('latin1')).toBe('$NACL');

      const coldkeyPath = path.join(walletPath, 'tty/coldkey');
      const signed = await runCliInPty(
        ['wallet', 'sign', '--wallet.name', 'tty', '--wallet.path', walletPath, '--message', 'via tty'],
        env,
        [{ waitFor: `Enter the password of ${coldkeyPath}: `, send: password }],
      );
      expect(signed.code).toBe(0);
      expect(signed.screen).not.toContain(password);
      const signature = /0x[0-9a-f]{128}/.exec(signed.screen)?.[0] ?? '';
      expect(verifySignature('via tty', signature, json.ss58_address)).toBe(true);
    });
  });

  describeWithPty('--overwrite on a real terminal', () => {
    it('shows the address being replaced and asks; "n" keeps the key, "y" replaces it and keeps a backup', async () => {
      const args = ['wallet', 'regen-hotkey', '--wallet.name', 'ask', '--wallet.path', walletPath];
      await runCli([...args, '--seed', '-'], env, `0x${'22'.repeat(32)}`);
      const previous = Keypair.fromSeed(`0x${'22'.repeat(32)}`).ss58Address;
      const seedFile = path.join(home, 'replacement-seed.txt');
      await fs.writeFile(seedFile, `0x${'33'.repeat(32)}`);
      const question = `Replace the hotkey "default" of wallet "ask" (${previous})?`;

      const declined = await runCliInPty([...args, '--seed-file', seedFile, '--overwrite'], env, [
        { waitFor: question, send: 'n' },
      ]);
      expect(declined.code).toBe(1);
      expect(declined.screen).toContain('nothing was written');
      expect(await hotkeyAddress('ask')).toBe(previous);

      const accepted = await runCliInPty([...args, '--seed-file', seedFile, '--overwrite'], env, [
        { waitFor: question, send: 'y' },
      ]);
      expect(accepted.code).toBe(0);
      expect(await hotkeyAddress('ask')).toBe(Keypair.fromSeed(`0x${'33'.repeat(32)}`).ss58Address);
      const backups = (await fs.readdir(path.join(walletPath, 'ask/hotkeys'))).filter((name) => name.includes('.bak-'));
      expect(backups).toHaveLength(2);
    });
  });

  async function hotkeyAddress(walletName: string): Promise<string> {
    const pub = JSON.parse(await fs.readFile(path.join(walletPath, walletName, 'hotkeys/defaultpub.txt'), 'utf8')) as {
      ss58Address: string;
    };
    return pub.ss58Address;
  }
});
