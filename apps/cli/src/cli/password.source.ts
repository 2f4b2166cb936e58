import { promises as fs } from 'node:fs';
import {
  passwordFromEnvironment,
  passwordPolicyViolation,
  WalletError,
  type Keyfile,
  type PasswordInput,
} from '@taonode/wallet';
import type { CliDeps } from './cli.deps';
import type { PasswordFlags } from './password.options';
import { TtyPasswordPrompt } from './tty-password.prompt';

/** How many times the creation prompt lets the user retry a weak or mistyped password. */
const NEW_PASSWORD_ATTEMPTS = 3;

function errnoCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
}

/** First line of the file (a trailing newline from `echo` or an editor is not part of the password). */
export async function readPasswordFile(file: string): Promise<string> {
  let content: string;
  try {
    content = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new WalletError('TAONODE_WALLET_IO_ERROR', `cannot read password file ${file}: ${errnoCode(error)}`, {
      cause: error,
    });
  }
  const password = content.replace(/\r?\n$/u, '');
  if (password === '') {
    throw new WalletError('TAONODE_WALLET_PASSWORD_REJECTED', `password file ${file} is empty`);
  }
  return password;
}

function interactivePrompt(deps: CliDeps): TtyPasswordPrompt | undefined {
  const stdin = deps.stdin();
  return TtyPasswordPrompt.isInteractive(stdin) ? new TtyPasswordPrompt(stdin, deps.stderr) : undefined;
}

/**
 * btwallet's creation prompt: a password, checked against its policy (≥ 6 bytes, `passwords` score ≥ 20),
 * then typed again; a few attempts, then give up.
 */
async function promptNewPassword(prompt: TtyPasswordPrompt, deps: CliDeps, what: string): Promise<string> {
  for (let attempt = 0; attempt < NEW_PASSWORD_ATTEMPTS; attempt += 1) {
    const password = await prompt.ask(`Enter a password to encrypt the ${what}: `);
    const violation = passwordPolicyViolation(password);
    if (violation !== undefined) {
      deps.stderr.write(`Password not strong enough (${violation}).\n`);
      continue;
    }
    if ((await prompt.ask('Retype your password: ')) !== password) {
      deps.stderr.write('Passwords do not match.\n');
      continue;
    }
    return password;
  }
  throw new WalletError(
    'TAONODE_WALLET_PASSWORD_REJECTED',
    `no acceptable password after ${NEW_PASSWORD_ATTEMPTS} attempts`,
  );
}

/**
 * Password for a key about to be written: null with `--no-password` (stored unencrypted), else the password
 * file, else the terminal prompt; without any of them the command fails rather than write a plaintext key.
 */
export async function newKeyPassword(flags: PasswordFlags, deps: CliDeps, what: string): Promise<string | null> {
  if (flags.password === false) {
    return null;
  }
  if (flags.passwordFile !== undefined) {
    return readPasswordFile(flags.passwordFile);
  }
  const prompt = interactivePrompt(deps);
  if (prompt === undefined) {
    throw new WalletError(
      'TAONODE_WALLET_PASSWORD_REQUIRED',
      `the ${what} must be encrypted but there is no terminal to ask for a password: pass --password-file <file> or --no-password`,
    );
  }
  return promptNewPassword(prompt, deps, what);
}

/**
 * Lazy password for unlocking `keyfile` (only called if it is encrypted): `--password-file`, then btwallet's
 * `BT_PW_…` variable for that path, then the terminal prompt; otherwise `TAONODE_WALLET_PASSWORD_REQUIRED`.
 */
export function unlockPassword(flags: PasswordFlags, deps: CliDeps, keyfile: Keyfile): PasswordInput {
  return async () => {
    if (flags.passwordFile !== undefined) {
      return readPasswordFile(flags.passwordFile);
    }
    const fromEnv = passwordFromEnvironment(keyfile.path, deps.env);
    if (fromEnv !== undefined) {
      return fromEnv;
    }
    const prompt = interactivePrompt(deps);
    if (prompt === undefined) {
      throw new WalletError(
        'TAONODE_WALLET_PASSWORD_REQUIRED',
        `${keyfile.path} is encrypted and there is no terminal to ask for its password: pass --password-file <file> or set ${keyfile.passwordEnvVarName}`,
      );
    }
    return prompt.ask(`Enter the password of ${keyfile.path}: `);
  };
}
