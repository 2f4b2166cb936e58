import { WalletError } from '../errors/wallet.error';
import { Keypair } from '../keypair/keypair';
import {
  decryptKeyfileData,
  detectKeyfileEncryption,
  encryptKeyfileData,
  type KeyfileEncryption,
} from './keyfile-encryption';
import { deserializeKeyfile, serializeKeyfile, serializePublicKeyfile } from './keyfile-json.codec';
import { KeyfileRepository, type WrittenKeyfile } from './keyfile.repository';
import { passwordEnvVarName, passwordFromEnvironment } from './password-env.util';

/** A password, or a function asked for it only when the file turns out to be encrypted (e.g. a prompt). */
export type PasswordInput = string | (() => string | Promise<string>);

/** Options of {@link Keyfile.writeKeypair}. */
export interface WriteKeypairOptions {
  /** Encrypt with this password (`$NACL`); undefined writes plaintext JSON. */
  password?: string;
  /** Replace an existing file; otherwise an existing file is `TAONODE_WALLET_FILE_EXISTS`. */
  overwrite?: boolean;
  /** Fixed NaCl nonce, for reproducible test vectors only. */
  nonce?: Uint8Array;
}

function withPath(error: unknown, filePath: string): unknown {
  if (
    error instanceof WalletError &&
    (error.code === 'TAONODE_WALLET_MALFORMED_KEYFILE' || error.code === 'TAONODE_WALLET_WRONG_PASSWORD')
  ) {
    const message =
      error.code === 'TAONODE_WALLET_WRONG_PASSWORD'
        ? `wrong password for ${filePath}`
        : `malformed keyfile ${filePath}: ${error.message}`;
    return new WalletError(error.code, message, { cause: error });
  }
  return error;
}

/** One keyfile on disk (btwallet `Keyfile`): detection, decryption and (de)serialisation of its keypair. */
export class Keyfile {
  constructor(
    /** Path of the file (`~` already expanded). */
    readonly path: string,
    private readonly repository: KeyfileRepository = new KeyfileRepository(),
  ) {}

  /** Name of the `BT_PW_…` variable btwallet reads this file's password from. */
  get passwordEnvVarName(): string {
    return passwordEnvVarName(this.path);
  }

  /** True when the file exists. */
  exists(): Promise<boolean> {
    return this.repository.exists(this.path);
  }

  /** How the file is protected (reads the file; `TAONODE_WALLET_NOT_FOUND` if missing). */
  async encryption(): Promise<KeyfileEncryption> {
    return detectKeyfileEncryption(await this.repository.read(this.path));
  }

  /** True for any encrypted form, including undecryptable legacy Fernet. */
  async isEncrypted(): Promise<boolean> {
    return (await this.encryption()) !== 'none';
  }

  /**
   * The keypair stored in the file. `password` is consulted only for encrypted files; without one, the file's
   * `BT_PW_…` variable in this process's environment is used, as btwallet does (that is how a service started
   * unattended gets an encrypted hotkey's password: its supervisor puts the variable in the service's environment).
   * An encrypted file with neither fails with `TAONODE_WALLET_PASSWORD_REQUIRED`, a wrong password with
   * `TAONODE_WALLET_WRONG_PASSWORD`.
   */
  async readKeypair(givenPassword?: PasswordInput): Promise<Keypair> {
    const password = givenPassword ?? passwordFromEnvironment(this.path, process.env);
    const data = await this.repository.read(this.path);
    try {
      const encryption = detectKeyfileEncryption(data);
      if (encryption === 'none') {
        return deserializeKeyfile(data);
      }
      if (encryption === 'legacy-fernet') {
        return deserializeKeyfile(await decryptKeyfileData(data, ''));
      }
      if (password === undefined) {
        throw new WalletError(
          'TAONODE_WALLET_PASSWORD_REQUIRED',
          `keyfile ${this.path} is encrypted: a password is needed (or ${this.passwordEnvVarName} in the environment)`,
        );
      }
      const secret = typeof password === 'string' ? password : await password();
      return deserializeKeyfile(await decryptKeyfileData(data, secret));
    } catch (error) {
      throw withPath(error, this.path);
    }
  }

  /**
   * Writes the full keyfile (all secret fields), encrypted when `options.password` is given. Mode 0600, atomic;
   * a replaced file is kept as a backup (see {@link KeyfileRepository.write}).
   */
  async writeKeypair(keypair: Keypair, options: WriteKeypairOptions = {}): Promise<WrittenKeyfile> {
    if (!keypair.hasPrivateKey) {
      throw new WalletError(
        'TAONODE_WALLET_NO_PRIVATE_KEY',
        `refusing to write public-only keypair to secret keyfile ${this.path}`,
      );
    }
    const json = new Uint8Array(Buffer.from(serializeKeyfile(keypair), 'utf8'));
    const data =
      options.password === undefined ? json : await encryptKeyfileData(json, options.password, options.nonce);
    return this.repository.write(this.path, data, { overwrite: options.overwrite });
  }

  /** Writes the public-only keyfile (`coldkeypub.txt` / `<hotkey>pub.txt`), always plaintext. Mode 0600. */
  async writePublicKeypair(
    keypair: Keypair,
    options: Pick<WriteKeypairOptions, 'overwrite'> = {},
  ): Promise<WrittenKeyfile> {
    const json = new Uint8Array(Buffer.from(serializePublicKeyfile(keypair), 'utf8'));
    return this.repository.write(this.path, json, { overwrite: options.overwrite });
  }
}
