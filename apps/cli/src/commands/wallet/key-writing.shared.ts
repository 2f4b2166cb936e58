import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  DEFAULT_MNEMONIC_WORD_COUNT,
  isMnemonicWordCount,
  isWalletError,
  type Keypair,
  MNEMONIC_WORD_COUNTS,
  type MnemonicWordCount,
  type Wallet,
  type WalletKeyKind,
} from '@taonode/wallet';
import type { CliOutput } from '../../cli/cli-output';
import type { CliDeps } from '../../cli/cli.deps';
import { confirmOrRefuse, type PromptFlags } from '../../cli/confirm.prompt';
import { addNewKeyPasswordOptions } from '../../cli/password.options';
import { newKeyPassword } from '../../cli/password.source';
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
    .option('--overwrite', 'replace existing key files (asks first; the old files are kept as <file>.bak-<timestamp>)')
    .option('--no-prompt', 'with --overwrite: replace without asking (needed without a terminal)')
    .option('--json', 'machine-readable output on stdout');
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
  /** Copies of the files this write replaced. */
  backups: readonly string[];
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
      backups: report.backups,
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
  if (report.backups.length > 0) {
    output.line(`Kept the replaced files: ${report.backups.join(', ')}`);
  }
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
export interface KeyWriteFlags extends HotkeyPasswordFlags, PromptFlags {
  overwrite?: boolean;
}

/** The address a key about to be replaced holds, from its public file (or a plaintext secret file). */
async function addressOf(wallet: Wallet, kind: WalletKeyKind): Promise<string> {
  try {
    const keypair = kind === 'coldkey' ? await wallet.getColdkeypub() : await wallet.getHotkeypub();
    return keypair.ss58Address;
  } catch (error) {
    if (isWalletError(error)) {
      return `an address that cannot be read without unlocking it (${error.code})`;
    }
    throw error;
  }
}

/**
 * `--overwrite` on an existing key: show what is about to be replaced and ask on a terminal; without one,
 * `--no-prompt` must say so explicitly. The old files are kept either way (the library backs them up).
 */
async function confirmReplacement(
  deps: CliDeps,
  flags: KeyWriteFlags,
  wallet: Wallet,
  kind: WalletKeyKind,
  existing: readonly string[],
): Promise<void> {
  const address = await addressOf(wallet, kind);
  const label = kind === 'coldkey' ? 'coldkey' : `hotkey "${wallet.hotkeyName}"`;
  await confirmOrRefuse(flags, deps, {
    question:
      `Replace the ${label} of wallet "${wallet.name}" (${address})? ` +
      `Its files (${existing.join(', ')}) are kept as <file>.bak-<timestamp>.`,
    why: `replacing the ${label} of wallet "${wallet.name}" (${address})`,
    declined: 'nothing was written',
  });
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
  const existing = await wallet.existingKeyfiles(kind);
  if (existing.length > 0) {
    await confirmReplacement(deps, flags, wallet, kind, existing);
  }
  let password: string | null;
  let backups: string[];
  switch (kind) {
    case 'coldkey':
      password = await newKeyPassword(flags, deps, 'coldkey');
      backups = await wallet.writeColdkey(keypair, { password, overwrite: flags.overwrite });
      break;
    case 'hotkey':
      password = await hotkeyPassword(flags, deps);
      backups = await wallet.writeHotkey(keypair, { password, overwrite: flags.overwrite });
      break;
  }
  reportKeyWritten(output, { ...key, isEncrypted: password !== null, backups });
}
