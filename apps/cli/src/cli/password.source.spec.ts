import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { encodePasswordForEnv, Keyfile } from '@taonode/wallet';
import type { CliDeps } from './cli.deps';
import { fakeTty, type FakeTty } from './fake-tty.testing';
import { newKeyPassword, readPasswordFile, unlockPassword } from './password.source';

/** Prompts go to stderr, so the fake terminal's output doubles as the command's stderr. */
function depsWith(tty: FakeTty, env: Record<string, string> = {}): CliDeps & { stderrText: () => string } {
  return {
    env,
    stdout: new PassThrough(),
    stderr: tty.output,
    stdin: () => tty.input,
    stderrText: () => tty.output.text(),
  };
}

/** Answers each prompt as soon as it is written, like a user would. */
function answerPrompts(tty: FakeTty, answers: string[]): void {
  const queue = [...answers];
  tty.output.on('data', (chunk: Buffer) => {
    if (/: $/.test(chunk.toString('utf8'))) {
      const next = queue.shift();
      if (next !== undefined) {
        setImmediate(() => tty.type(`${next}\r`));
      }
    }
  });
}

describe('password sources', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(tmpdir(), 'taonode-password-source-'));
  });

  afterAll(async () => {
    await fs.rm(directory, { recursive: true, force: true });
  });

  describe('readPasswordFile', () => {
    it('drops one trailing newline and keeps everything else', async () => {
      const file = path.join(directory, 'pw');
      await fs.writeFile(file, ' two words \r\n');
      await expect(readPasswordFile(file)).resolves.toBe(' two words ');
    });

    it('refuses an empty file and reports a missing one', async () => {
      const empty = path.join(directory, 'empty');
      await fs.writeFile(empty, '\n');
      await expect(readPasswordFile(empty)).rejects.toMatchObject({ code: 'TAONODE_WALLET_PASSWORD_REJECTED' });
      await expect(readPasswordFile(path.join(directory, 'absent'))).rejects.toMatchObject({
        code: 'TAONODE_WALLET_IO_ERROR',
      });
    });
  });

  describe('newKeyPassword', () => {
    it('is null with --no-password and never touches the terminal', async () => {
      const deps = depsWith(fakeTty());
      deps.stdin = () => {
        throw new Error('stdin must not be used');
      };
      await expect(newKeyPassword({ password: false }, deps, 'coldkey')).resolves.toBeNull();
    });

    it('fails without a terminal, a password file or --no-password', async () => {
      await expect(newKeyPassword({ password: true }, depsWith(fakeTty(false)), 'coldkey')).rejects.toMatchObject({
        code: 'TAONODE_WALLET_PASSWORD_REQUIRED',
      });
    });

    it('re-asks after a weak password and after a mismatch, then returns the confirmed one', async () => {
      const tty = fakeTty();
      const deps = depsWith(tty);
      answerPrompts(tty, ['short', 'Good-Pass-1', 'Good-Pass-2', 'Good-Pass-1', 'Good-Pass-1']);
      await expect(newKeyPassword({ password: true }, deps, 'coldkey')).resolves.toBe('Good-Pass-1');
      expect(deps.stderrText()).toContain('Password not strong enough');
      expect(deps.stderrText()).toContain('Passwords do not match.');
    });

    it('gives up after three failed attempts', async () => {
      const tty = fakeTty();
      answerPrompts(tty, ['a', 'b', 'c']);
      await expect(newKeyPassword({ password: true }, depsWith(tty), 'coldkey')).rejects.toMatchObject({
        code: 'TAONODE_WALLET_PASSWORD_REJECTED',
      });
    });
  });

  describe('unlockPassword', () => {
    const keyfile = new Keyfile('/home/op/.bittensor/wallets/default/coldkey');
    const envFor = (password: string): Record<string, string> => ({
      [keyfile.passwordEnvVarName]: encodePasswordForEnv(keyfile.passwordEnvVarName, password),
    });

    it('prefers the password file over the BT_PW_ variable', async () => {
      const file = path.join(directory, 'unlock');
      await fs.writeFile(file, 'from-file\n');
      const provider = unlockPassword({ passwordFile: file }, depsWith(fakeTty(false), envFor('from-env')), keyfile);
      await expect(typeof provider === 'function' ? provider() : provider).resolves.toBe('from-file');
    });

    it('uses the BT_PW_ variable of that keyfile before prompting', async () => {
      const provider = unlockPassword({}, depsWith(fakeTty(false), envFor('from-env')), keyfile);
      await expect(typeof provider === 'function' ? provider() : provider).resolves.toBe('from-env');
    });

    it('fails without any source, naming the variable to set', async () => {
      const provider = unlockPassword({}, depsWith(fakeTty(false)), keyfile);
      await expect(typeof provider === 'function' ? provider() : provider).rejects.toThrow(
        'BT_PW__HOME_OP__BITTENSOR_WALLETS_DEFAULT_COLDKEY',
      );
    });
  });
});
