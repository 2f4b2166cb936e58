import * as path from 'node:path';
import { WalletError } from '../errors/wallet.error';
import { Keyfile, type PasswordInput } from '../keyfile/keyfile';
import { KeyfileRepository, type WrittenKeyfile } from '../keyfile/keyfile.repository';
import { Keypair } from '../keypair/keypair';
import {
  assertValidKeyName,
  COLDKEY_FILE,
  COLDKEYPUB_FILE,
  DEFAULT_HOTKEY_NAME,
  DEFAULT_WALLET_NAME,
  DEFAULT_WALLET_PATH,
  expandHome,
  HOTKEYS_DIRECTORY,
  PUBLIC_KEYFILE_SUFFIX,
} from './wallet-location';

/** Where a {@link Wallet} lives; every field falls back to btcli's default. */
export interface WalletOptions {
  /** Wallet (coldkey) name, default `default`. */
  name?: string;
  /** Hotkey name, default `default`. */
  hotkey?: string;
  /** Root folder of all wallets, default `~/.bittensor/wallets` (`~` expanded). */
  path?: string;
  /** Home directory used to expand `~` (defaults to the OS home). */
  homeDirectory?: string;
  repository?: KeyfileRepository;
}

/** Options of {@link Wallet.writeColdkey}. */
export interface WriteColdkeyOptions {
  /** Password to encrypt the coldkey with; `null` means deliberately unencrypted (btcli `--no-use-password`). */
  password: string | null;
  overwrite?: boolean;
}

/** Options of {@link Wallet.writeHotkey}. */
export interface WriteHotkeyOptions {
  /** Hotkeys are plaintext unless a password is given (btcli default). */
  password?: string | null;
  overwrite?: boolean;
}

function backupsOf(written: readonly WrittenKeyfile[]): string[] {
  return written.flatMap((file) => (file.backupPath === undefined ? [] : [file.backupPath]));
}

/** Which key pair of files an operation touches. */
export type WalletKeyKind = 'coldkey' | 'hotkey';

/**
 * A btcli-compatible wallet folder (protocol.md §7.1):
 * `<path>/<name>/coldkey`, `coldkeypub.txt`, `hotkeys/<hotkey>`, `hotkeys/<hotkey>pub.txt`.
 */
export class Wallet {
  /** Wallet (coldkey) folder name. */
  readonly name: string;
  /** Hotkey file name inside `hotkeys/`. */
  readonly hotkeyName: string;
  /** Expanded root folder holding all wallets. */
  readonly path: string;
  private readonly repository: KeyfileRepository;

  /** Validates the names (`TAONODE_WALLET_INVALID_NAME`) and expands `~`; touches no file. */
  constructor(options: WalletOptions = {}) {
    this.name = options.name ?? DEFAULT_WALLET_NAME;
    this.hotkeyName = options.hotkey ?? DEFAULT_HOTKEY_NAME;
    assertValidKeyName(this.name, 'wallet');
    assertValidKeyName(this.hotkeyName, 'hotkey');
    this.path = expandHome(options.path ?? DEFAULT_WALLET_PATH, options.homeDirectory);
    this.repository = options.repository ?? new KeyfileRepository();
  }

  /** `<path>/<name>`. */
  get directory(): string {
    return path.join(this.path, this.name);
  }

  /** `<name>/coldkey`. */
  get coldkeyFile(): Keyfile {
    return new Keyfile(path.join(this.directory, COLDKEY_FILE), this.repository);
  }

  /** `<name>/coldkeypub.txt`. */
  get coldkeypubFile(): Keyfile {
    return new Keyfile(path.join(this.directory, COLDKEYPUB_FILE), this.repository);
  }

  /** `<name>/hotkeys/<hotkey>`. */
  get hotkeyFile(): Keyfile {
    return new Keyfile(path.join(this.directory, HOTKEYS_DIRECTORY, this.hotkeyName), this.repository);
  }

  /** `<name>/hotkeys/<hotkey>pub.txt`. */
  get hotkeypubFile(): Keyfile {
    return new Keyfile(
      path.join(this.directory, HOTKEYS_DIRECTORY, `${this.hotkeyName}${PUBLIC_KEYFILE_SUFFIX}`),
      this.repository,
    );
  }

  /** The pair of files (secret, public) written for `kind`. */
  keyfilesOf(kind: WalletKeyKind): [Keyfile, Keyfile] {
    switch (kind) {
      case 'coldkey':
        return [this.coldkeyFile, this.coldkeypubFile];
      case 'hotkey':
        return [this.hotkeyFile, this.hotkeypubFile];
    }
  }

  /** Paths of the files of `kind` that already exist (creating them would need `overwrite`). */
  async existingKeyfiles(kind: WalletKeyKind): Promise<string[]> {
    const existing: string[] = [];
    for (const file of this.keyfilesOf(kind)) {
      if (await file.exists()) {
        existing.push(file.path);
      }
    }
    return existing;
  }

  /** Fails with `TAONODE_WALLET_FILE_EXISTS` when a file of `kind` exists and `overwrite` is not set. */
  async assertCanWrite(kind: WalletKeyKind, overwrite = false): Promise<void> {
    if (overwrite) {
      return;
    }
    const existing = await this.existingKeyfiles(kind);
    if (existing.length > 0) {
      throw new WalletError(
        'TAONODE_WALLET_FILE_EXISTS',
        `refusing to overwrite existing ${kind} files: ${existing.join(', ')}`,
      );
    }
  }

  /**
   * Writes `coldkey` (NaCl-encrypted unless `password` is null) and plaintext `coldkeypub.txt`; with `overwrite`,
   * replaced files are kept as `<file>.bak-<timestamp>`, whose paths are returned.
   */
  async writeColdkey(keypair: Keypair, options: WriteColdkeyOptions): Promise<string[]> {
    await this.assertCanWrite('coldkey', options.overwrite);
    const password = options.password ?? undefined;
    const written = [
      await this.coldkeyFile.writeKeypair(keypair, { password, overwrite: options.overwrite }),
      await this.coldkeypubFile.writePublicKeypair(keypair, { overwrite: options.overwrite }),
    ];
    return backupsOf(written);
  }

  /**
   * Writes `hotkeys/<hotkey>` (plaintext unless a password is given) and `hotkeys/<hotkey>pub.txt`; with
   * `overwrite`, replaced files are kept as `<file>.bak-<timestamp>`, whose paths are returned.
   */
  async writeHotkey(keypair: Keypair, options: WriteHotkeyOptions = {}): Promise<string[]> {
    await this.assertCanWrite('hotkey', options.overwrite);
    const password = options.password ?? undefined;
    const written = [
      await this.hotkeyFile.writeKeypair(keypair, { password, overwrite: options.overwrite }),
      await this.hotkeypubFile.writePublicKeypair(keypair, { overwrite: options.overwrite }),
    ];
    return backupsOf(written);
  }

  /**
   * The coldkey with its secret (asks `password` only if the file is encrypted). A `coldkeypub.txt` that names
   * another address is `TAONODE_WALLET_KEY_MISMATCH`: the pair was half replaced, and signing with one key while the
   * other is shown to the user (balances, overview) would mislead.
   */
  async getColdkey(password?: PasswordInput): Promise<Keypair> {
    const keypair = await this.readExisting(this.coldkeyFile, 'coldkey', password);
    await this.assertPublicFileAgrees(this.coldkeyFile, this.coldkeypubFile, keypair);
    return keypair;
  }

  /** The public coldkey from `coldkeypub.txt` (never encrypted, no password). */
  async getColdkeypub(): Promise<Keypair> {
    return this.readExisting(this.coldkeypubFile, 'coldkeypub.txt');
  }

  /** The hotkey with its secret (asks `password` only if the file is encrypted); checked against its pub file. */
  async getHotkey(password?: PasswordInput): Promise<Keypair> {
    const keypair = await this.readExisting(this.hotkeyFile, `hotkey "${this.hotkeyName}"`, password);
    await this.assertPublicFileAgrees(this.hotkeyFile, this.hotkeypubFile, keypair);
    return keypair;
  }

  /**
   * The public hotkey: from `<hotkey>pub.txt` when present, else from the hotkey file itself
   * (wallets made before btwallet 3.1 have no pub file), as btcli's `get_hotkey_pub_ss58`.
   */
  async getHotkeypub(password?: PasswordInput): Promise<Keypair> {
    if (await this.hotkeypubFile.exists()) {
      return this.readExisting(this.hotkeypubFile, `hotkey "${this.hotkeyName}" public file`);
    }
    const keypair = await this.getHotkey(password);
    return Keypair.fromPublicKey(keypair.publicKey);
  }

  /** A missing public file is fine (older wallets have none); one naming another address is not. */
  private async assertPublicFileAgrees(secretFile: Keyfile, publicFile: Keyfile, keypair: Keypair): Promise<void> {
    if (!(await publicFile.exists())) {
      return;
    }
    const published = await publicFile.readKeypair();
    if (published.ss58Address !== keypair.ss58Address) {
      throw new WalletError(
        'TAONODE_WALLET_KEY_MISMATCH',
        `${secretFile.path} holds ${keypair.ss58Address} but ${publicFile.path} says ${published.ss58Address}: ` +
          'the key pair disagrees; regenerate the key (or restore the matching file) before using this wallet',
      );
    }
  }

  private async readExisting(file: Keyfile, what: string, password?: PasswordInput): Promise<Keypair> {
    if (!(await file.exists())) {
      throw new WalletError('TAONODE_WALLET_NOT_FOUND', `wallet "${this.name}" has no ${what} (expected ${file.path})`);
    }
    return file.readKeypair(password);
  }
}
