import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  DEFAULT_MNEMONIC_WORD_COUNT,
  isMnemonicWordCount,
  Keypair,
  MNEMONIC_WORD_COUNTS,
  type MnemonicWordCount,
  type Wallet,
  type WalletKeyKind,
} from '@taonode/wallet';
import type { CliOutput } from '../../cli/cli-output';
import { CliUsageError } from '../../cli/cli-usage.error';
import type { CliDeps } from '../../cli/cli.deps';
import { addNewKeyPasswordOptions } from '../../cli/password.options';
import { newKeyPassword } from '../../cli/password.source';
import { TtyPasswordPrompt } from '../../cli/tty-password.prompt';
import { addHotkeyPasswordOptions, hotkeyPassword, type HotkeyPasswordFlags } from './hotkey-password.options';

function parseWordCount(value: string): MnemonicWordCount {
  const count = Number(value);
  if (!isMnemonicWordCount(count)) {
    throw new InvalidArgumentError(`must be one of ${MNEMONIC_WORD_COUNTS.join(', ')}`);
  }
  return count;
}

export function addWordCountOption(command: Command): Command {
  return command.addOption(
    new Option('--n-words <count>', 'number of mnemonic words (12, 15, 18, 21 or 24)')
      .argParser(parseWordCount)
      .default(DEFAULT_MNEMONIC_WORD_COUNT),
  );
}

export function addOverwriteAndJsonOptions(command: Command): Command {
  return command
    .option('--overwrite', 'replace existing key files (the old key is lost unless you have its mnemonic)')
    .option('--json', 'machine-readable output on stdout');
}

export function addKeyMaterialOptions(command: Command): Command {
  return command
    .addOption(new Option('--mnemonic <words>', 'BIP39 mnemonic, quoted (12–24 words)').conflicts('seed'))
    .option('--seed <hex>', '0x-hex seed: 32-byte mini-secret or 64-byte secret key');
}

export interface KeyMaterialFlags {
  mnemonic?: string;
  seed?: string;
}

function keypairFromSecretInput(secret: string): Keypair {
  return secret.trim().startsWith('0x') ? Keypair.fromSeed(secret.trim()) : Keypair.fromMnemonic(secret);
}

/**
 * The key to regenerate, from `--mnemonic` or `--seed`, or asked on the terminal without echo (keeps the
 * mnemonic out of shell history); no flag and no terminal is a usage error.
 */
export async function regeneratedKeypair(
  flags: KeyMaterialFlags,
  deps: CliDeps,
  kind: WalletKeyKind,
): Promise<Keypair> {
  if (flags.mnemonic !== undefined) {
    return Keypair.fromMnemonic(flags.mnemonic);
  }
  if (flags.seed !== undefined) {
    return Keypair.fromSeed(flags.seed);
  }
  const stdin = deps.stdin();
  if (!TtyPasswordPrompt.isInteractive(stdin)) {
    throw new CliUsageError(
      `regenerating a ${kind} needs --mnemonic "<words>" or --seed 0x… (no terminal to ask for them)`,
    );
  }
  const answer = await new TtyPasswordPrompt(stdin, deps.stderr).ask(
    `Enter the mnemonic or seed (0x…) of the ${kind}: `,
  );
  return keypairFromSecretInput(answer);
}

/** btwallet's `display_mnemonic_msg`, shown once when a key is created. */
export function printMnemonicNotice(output: CliOutput, mnemonic: string, kind: WalletKeyKind): void {
  output.line(
    'IMPORTANT: Store this mnemonic in a secure (preferably offline) place, as anyone who has possession of this ' +
      'mnemonic can use it to regenerate the key and access your tokens.',
  );
  output.line();
  output.line(`The mnemonic to the new ${kind} is: ${mnemonic}`);
  output.line();
  output.line(
    `You can use the mnemonic to recreate the key with \`taonode wallet regen-${kind}\` in case it gets lost.`,
  );
}

export interface KeyWrittenReport {
  wallet: Wallet;
  kind: WalletKeyKind;
  keypair: Keypair;
  isEncrypted: boolean;
  /** Only for freshly generated keys: printed once, or returned in the JSON document. */
  mnemonic?: string;
}

/** Text or JSON summary after a key was written; the JSON shape is documented in docs/cli-wallet.md. */
export function reportKeyWritten(output: CliOutput, report: KeyWrittenReport): void {
  const [secretFile, publicFile] = report.wallet.keyfilesOf(report.kind);
  if (output.isJson) {
    output.json({
      wallet: report.wallet.name,
      ...(report.kind === 'hotkey' ? { hotkey: report.wallet.hotkeyName } : {}),
      key: report.kind,
      ss58_address: report.keypair.ss58Address,
      public_key: report.keypair.publicKeyHex,
      encrypted: report.isEncrypted,
      files: [secretFile.path, publicFile.path],
      ...(report.mnemonic === undefined ? {} : { mnemonic: report.mnemonic }),
    });
    return;
  }
  if (report.mnemonic !== undefined) {
    printMnemonicNotice(output, report.mnemonic, report.kind);
    output.line();
  }
  const label = report.kind === 'coldkey' ? 'coldkey' : `hotkey "${report.wallet.hotkeyName}"`;
  output.line(`Wrote ${label} of wallet "${report.wallet.name}": ss58_address ${report.keypair.ss58Address}`);
  output.line(`  ${secretFile.path} (${report.isEncrypted ? 'encrypted' : 'unencrypted'})`);
  output.line(`  ${publicFile.path}`);
}

/**
 * The password options of a key kind: coldkeys are encrypted unless `--no-password`, hotkeys are plaintext
 * unless `--use-password` (btcli's defaults); both take `--password-file`.
 */
export function addKeyPasswordOptions(command: Command, kind: WalletKeyKind): Command {
  switch (kind) {
    case 'coldkey':
      return addNewKeyPasswordOptions(command, 'store the coldkey unencrypted (not recommended)');
    case 'hotkey':
      return addHotkeyPasswordOptions(command);
  }
}

/** The flags {@link writeWalletKey} reads (a coldkey command has no `--use-password`: it stays undefined). */
export interface KeyWriteFlags extends HotkeyPasswordFlags {
  overwrite?: boolean;
}

/**
 * Writes a new or regenerated key into its wallet and reports it. Refuses an existing key (without
 * `--overwrite`) before asking for a password or spending 5 s on Argon2.
 */
export async function writeWalletKey(
  output: CliOutput,
  deps: CliDeps,
  flags: KeyWriteFlags,
  key: { wallet: Wallet; kind: WalletKeyKind; keypair: Keypair; mnemonic?: string },
): Promise<void> {
  const { wallet, kind, keypair } = key;
  await wallet.assertCanWrite(kind, flags.overwrite);
  let password: string | null;
  switch (kind) {
    case 'coldkey':
      password = await newKeyPassword(flags, deps, 'coldkey');
      await wallet.writeColdkey(keypair, { password, overwrite: flags.overwrite });
      break;
    case 'hotkey':
      password = await hotkeyPassword(flags, deps);
      await wallet.writeHotkey(keypair, { password, overwrite: flags.overwrite });
      break;
  }
  reportKeyWritten(output, { ...key, isEncrypted: password !== null });
}
