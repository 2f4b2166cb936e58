import { promises as fs } from 'node:fs';
import { Option, type Command } from 'commander';
import { Keypair, type WalletKeyKind } from '@taonode/wallet';
import { CliUsageError } from '../../cli/cli-usage.error';
import type { CliDeps } from '../../cli/cli.deps';
import { TtyPasswordPrompt } from '../../cli/tty-password.prompt';

/** Environment variables a mnemonic or seed can come from (documented in docs/cli-wallet.md). */
export const MNEMONIC_ENV = 'TAONODE_MNEMONIC';
export const SEED_ENV = 'TAONODE_SEED';
/** `--mnemonic -` / `--seed -`: read the secret from standard input. */
export const FROM_STDIN = '-';
/**
 * A 24-word mnemonic is under 250 bytes and a 64-byte seed 130 characters: anything much larger is a wrong file
 * or stream, refused before it is read into memory or parsed.
 */
export const MAX_SECRET_INPUT_BYTES = 4096;

export interface KeyMaterialFlags {
  mnemonic?: string;
  mnemonicFile?: string;
  seed?: string;
  seedFile?: string;
}

const SOURCES = ['mnemonic', 'mnemonicFile', 'seed', 'seedFile'] as const;

/**
 * `--mnemonic`, `--mnemonic-file`, `--seed`, `--seed-file` (one at most). On the command line a secret is
 * readable by every user of the machine in the process list, so the file, stdin (`-`) and environment forms
 * are the ones to use in scripts.
 */
export function addKeyMaterialOptions(command: Command): Command {
  const option = (flags: string, description: string, name: (typeof SOURCES)[number]): Option =>
    new Option(flags, description).conflicts(SOURCES.filter((other) => other !== name));
  return command
    .addOption(
      option('--mnemonic <words>', `BIP39 mnemonic, quoted (12–24 words); "-" reads it from stdin`, 'mnemonic'),
    )
    .addOption(option('--mnemonic-file <file>', 'read the mnemonic from this file', 'mnemonicFile'))
    .addOption(
      option('--seed <hex>', '0x-hex seed: 32-byte mini-secret or 64-byte secret key; "-" reads it from stdin', 'seed'),
    )
    .addOption(option('--seed-file <file>', 'read the 0x-hex seed from this file', 'seedFile'));
}

type SecretKind = 'mnemonic' | 'seed';

interface SecretInput {
  kind: SecretKind;
  text: string;
}

function tooLarge(what: string): CliUsageError {
  return new CliUsageError(`${what} is larger than ${MAX_SECRET_INPUT_BYTES} bytes: not a mnemonic or seed`);
}

async function readSecretFile(file: string, kind: SecretKind): Promise<string> {
  const what = `${kind} file ${file}`;
  try {
    // Checked before reading: a mistaken path to a large file must not be loaded whole.
    if ((await fs.stat(file)).size > MAX_SECRET_INPUT_BYTES) {
      throw tooLarge(what);
    }
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (error) {
    if (error instanceof CliUsageError) {
      throw error;
    }
    throw new CliUsageError(`cannot read ${what}: ${errnoCode(error)}`);
  }
}

function errnoCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
}

/** Everything on stdin up to its end, stopping as soon as it exceeds the bound. */
async function readStdin(stdin: NodeJS.ReadStream, kind: SecretKind): Promise<string> {
  if (stdin.isTTY === true) {
    throw new CliUsageError(
      `--${kind} - reads the ${kind} from a pipe or file, not from a terminal; leave it out to be asked`,
    );
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    length += buffer.length;
    if (length > MAX_SECRET_INPUT_BYTES) {
      throw tooLarge(`the ${kind} on stdin`);
    }
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}

const COMMAND_LINE_WARNING =
  'warning: a {kind} given on the command line is visible to every user of this machine in the process list ' +
  'and may stay in your shell history; use --{kind}-file <file>, --{kind} - (stdin) or {env} instead\n';

/** The secret from the flags, else the environment; undefined when neither has one. */
async function secretFromFlagsOrEnv(flags: KeyMaterialFlags, deps: CliDeps): Promise<SecretInput | undefined> {
  for (const [kind, value, file, env] of [
    ['mnemonic', flags.mnemonic, flags.mnemonicFile, MNEMONIC_ENV],
    ['seed', flags.seed, flags.seedFile, SEED_ENV],
  ] as const) {
    if (value === FROM_STDIN) {
      return { kind, text: await readStdin(deps.stdin(), kind) };
    }
    if (value !== undefined) {
      deps.stderr.write(COMMAND_LINE_WARNING.replaceAll('{kind}', kind).replace('{env}', env));
      return { kind, text: value };
    }
    if (file !== undefined) {
      return { kind, text: await readSecretFile(file, kind) };
    }
  }
  const mnemonic = deps.env[MNEMONIC_ENV];
  const seed = deps.env[SEED_ENV];
  if (mnemonic !== undefined && mnemonic !== '' && seed !== undefined && seed !== '') {
    throw new CliUsageError(`both ${MNEMONIC_ENV} and ${SEED_ENV} are set: keep one`);
  }
  if (mnemonic !== undefined && mnemonic !== '') {
    return { kind: 'mnemonic', text: mnemonic };
  }
  if (seed !== undefined && seed !== '') {
    return { kind: 'seed', text: seed };
  }
  return undefined;
}

function keypairFrom(secret: SecretInput): Keypair {
  if (secret.text === '') {
    throw new CliUsageError(`the ${secret.kind} is empty`);
  }
  switch (secret.kind) {
    case 'mnemonic':
      return Keypair.fromMnemonic(secret.text);
    case 'seed':
      return Keypair.fromSeed(secret.text);
  }
}

/** At the terminal prompt one answer can be either: a seed starts with 0x. */
function keypairFromTypedSecret(answer: string): Keypair {
  const text = answer.trim();
  return keypairFrom({ kind: text.startsWith('0x') ? 'seed' : 'mnemonic', text });
}

/**
 * The key to regenerate: `--mnemonic`/`--seed` (a value, or `-` for stdin), `--mnemonic-file`/`--seed-file`,
 * `TAONODE_MNEMONIC`/`TAONODE_SEED`, else asked on the terminal without echo; none of them and no terminal is a
 * usage error.
 */
export async function regeneratedKeypair(
  flags: KeyMaterialFlags,
  deps: CliDeps,
  kind: WalletKeyKind,
): Promise<Keypair> {
  const secret = await secretFromFlagsOrEnv(flags, deps);
  if (secret !== undefined) {
    return keypairFrom(secret);
  }
  const stdin = deps.stdin();
  if (!TtyPasswordPrompt.isInteractive(stdin)) {
    throw new CliUsageError(
      `regenerating a ${kind} needs its mnemonic or seed and there is no terminal to ask for it: use ` +
        `--mnemonic-file <file>, --mnemonic - (stdin), ${MNEMONIC_ENV}, or the --seed forms`,
    );
  }
  const answer = await new TtyPasswordPrompt(stdin, deps.stderr).ask(
    `Enter the mnemonic or seed (0x…) of the ${kind}: `,
  );
  return keypairFromTypedSecret(answer);
}
