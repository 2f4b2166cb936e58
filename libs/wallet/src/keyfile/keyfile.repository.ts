import { randomBytes } from 'node:crypto';
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { WalletError } from '../errors/wallet.error';

/** Key files are readable by their owner only, like btwallet's `chmod 0600`. */
export const KEYFILE_MODE = 0o600;
/** Directories we create are private to the owner (btwallet leaves them at the umask default; we are stricter). */
export const WALLET_DIRECTORY_MODE = 0o700;

/** A directory entry with symlinks resolved. */
export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

/** Options of {@link KeyfileRepository.write}. */
export interface WriteKeyfileOptions {
  /** Replace an existing file (atomically, via a temp file and rename). Without it an existing file is an error. */
  overwrite?: boolean;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function ioError(action: string, target: string, error: unknown): WalletError {
  return new WalletError('WALLET_IO_ERROR', `cannot ${action} ${target}: ${errnoCode(error) ?? String(error)}`, {
    cause: error,
  });
}

/**
 * All file-system access of the wallet library. Modes are set with an explicit chmod after creation so the
 * process umask cannot widen them.
 */
export class KeyfileRepository {
  /** File bytes; a missing file is `WALLET_NOT_FOUND`. */
  async read(filePath: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await fs.readFile(filePath));
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') {
        throw new WalletError('WALLET_NOT_FOUND', `keyfile ${filePath} does not exist`, { cause: error });
      }
      if (errnoCode(error) === 'EISDIR') {
        throw new WalletError('WALLET_MALFORMED_KEYFILE', `keyfile ${filePath} is a directory`, { cause: error });
      }
      throw ioError('read', filePath, error);
    }
  }

  /** True when anything (file, directory, even a dangling symlink) is at `filePath`. */
  async exists(filePath: string): Promise<boolean> {
    try {
      await fs.lstat(filePath);
      return true;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') {
        return false;
      }
      throw ioError('stat', filePath, error);
    }
  }

  /** True when `filePath` is a regular file (symlinks followed). */
  async isFile(filePath: string): Promise<boolean> {
    try {
      return (await fs.stat(filePath)).isFile();
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') {
        return false;
      }
      throw ioError('stat', filePath, error);
    }
  }

  /** Entries of `directory`, sorted by name; a missing directory has none. */
  async list(directory: string): Promise<DirectoryEntry[]> {
    try {
      const entries = await fs.readdir(directory, { withFileTypes: true });
      const listed = await Promise.all(entries.map((entry) => this.describe(directory, entry)));
      return listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') {
        return [];
      }
      throw ioError('list', directory, error);
    }
  }

  /** Symlinks are followed (btcli's `is_dir()` does); dangling ones count as neither file nor directory. */
  private async describe(directory: string, entry: Dirent): Promise<DirectoryEntry> {
    if (!entry.isSymbolicLink()) {
      return { name: entry.name, isDirectory: entry.isDirectory(), isFile: entry.isFile() };
    }
    try {
      const target = await fs.stat(path.join(directory, entry.name));
      return { name: entry.name, isDirectory: target.isDirectory(), isFile: target.isFile() };
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') {
        return { name: entry.name, isDirectory: false, isFile: false };
      }
      throw ioError('stat', path.join(directory, entry.name), error);
    }
  }

  /** Creates `directory` and any missing parents, each with mode 0700; existing ones are left as they are. */
  async ensureDirectory(directory: string): Promise<void> {
    const missing: string[] = [];
    let current = path.resolve(directory);
    while (!(await this.exists(current))) {
      missing.unshift(current);
      const parent = path.dirname(current);
      if (parent === current) {
        break;
      }
      current = parent;
    }
    for (const dir of missing) {
      try {
        await fs.mkdir(dir, { mode: WALLET_DIRECTORY_MODE });
      } catch (error) {
        // Another writer may have created it in between; that is fine as long as it is a directory now.
        if (errnoCode(error) !== 'EEXIST') {
          throw ioError('create directory', dir, error);
        }
        continue;
      }
      await fs.chmod(dir, WALLET_DIRECTORY_MODE);
    }
  }

  /**
   * Writes `data` with mode 0600. Without `overwrite`, creation is exclusive (`wx`), so an existing file fails
   * with `WALLET_FILE_EXISTS` even under a race; with it, a temp file is renamed over the old one.
   */
  async write(filePath: string, data: Uint8Array, options: WriteKeyfileOptions = {}): Promise<void> {
    await this.ensureDirectory(path.dirname(filePath));
    const target = options.overwrite === true ? `${filePath}.${randomBytes(6).toString('hex')}.tmp` : filePath;
    try {
      await this.writeExclusive(target, data);
    } catch (error) {
      if (errnoCode(error) === 'EEXIST' && target === filePath) {
        throw new WalletError('WALLET_FILE_EXISTS', `refusing to overwrite existing file ${filePath}`, {
          cause: error,
        });
      }
      throw ioError('write', filePath, error);
    }
    if (target !== filePath) {
      try {
        await fs.rename(target, filePath);
      } catch (error) {
        await fs.rm(target, { force: true });
        throw ioError('replace', filePath, error);
      }
    }
  }

  private async writeExclusive(filePath: string, data: Uint8Array): Promise<void> {
    const handle = await fs.open(filePath, 'wx', KEYFILE_MODE);
    try {
      await handle.chmod(KEYFILE_MODE);
      await handle.writeFile(data);
      await handle.sync();
    } catch (error) {
      // Never leave a half-written keyfile behind: it would block the retry and could not be read.
      await handle.close();
      await fs.rm(filePath, { force: true });
      throw error;
    }
    await handle.close();
  }
}
