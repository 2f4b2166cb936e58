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
  /** Replace an existing file, keeping a copy of it. Without it an existing file is an error. */
  overwrite?: boolean;
}

/** Where {@link KeyfileRepository.write} put the data, and the copy of the file it replaced, if any. */
export interface WrittenKeyfile {
  path: string;
  backupPath: string | undefined;
}

/** Replaced keyfiles are kept as `<file>.bak-<UTC timestamp>`; listings skip such names. */
export const BACKUP_INFIX = '.bak-';

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function ioError(action: string, target: string, error: unknown): WalletError {
  return new WalletError(
    'TAONODE_WALLET_IO_ERROR',
    `cannot ${action} ${target}: ${errnoCode(error) ?? String(error)}`,
    {
      cause: error,
    },
  );
}

/**
 * All file-system access of the wallet library. Modes are set with an explicit chmod after creation so the
 * process umask cannot widen them.
 */
export class KeyfileRepository {
  /** File bytes; a missing file is `TAONODE_WALLET_NOT_FOUND`. */
  async read(filePath: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await fs.readFile(filePath));
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') {
        throw new WalletError('TAONODE_WALLET_NOT_FOUND', `keyfile ${filePath} does not exist`, { cause: error });
      }
      if (errnoCode(error) === 'EISDIR') {
        throw new WalletError('TAONODE_WALLET_MALFORMED_KEYFILE', `keyfile ${filePath} is a directory`, {
          cause: error,
        });
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
   * Writes `data` with mode 0600, atomically: the bytes go to a temporary file in the same directory, which is
   * fsynced and then moved into place, and the directory is fsynced, so a crash leaves either the old file or
   * the new one, never a torn keyfile. Without `overwrite` the move is a hard link, which fails on an existing
   * file (`TAONODE_WALLET_FILE_EXISTS`) even under a race. With it, the old file is first copied to
   * `<file>.bak-<UTC timestamp>` (mode 0600), whose path is returned.
   */
  async write(filePath: string, data: Uint8Array, options: WriteKeyfileOptions = {}): Promise<WrittenKeyfile> {
    const directory = path.dirname(filePath);
    await this.ensureDirectory(directory);
    const temporary = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await this.writeExclusive(temporary, data);
    } catch (error) {
      throw ioError('write', filePath, error);
    }
    try {
      const backupPath = options.overwrite === true ? await this.backUp(filePath) : undefined;
      await this.moveIntoPlace(temporary, filePath, options.overwrite === true);
      await this.syncDirectory(directory);
      return { path: filePath, backupPath };
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }

  private async moveIntoPlace(temporary: string, filePath: string, overwrite: boolean): Promise<void> {
    try {
      if (overwrite) {
        await fs.rename(temporary, filePath);
      } else {
        await fs.link(temporary, filePath);
      }
    } catch (error) {
      if (!overwrite && errnoCode(error) === 'EEXIST') {
        throw new WalletError('TAONODE_WALLET_FILE_EXISTS', `refusing to overwrite existing file ${filePath}`, {
          cause: error,
        });
      }
      throw ioError('replace', filePath, error);
    }
  }

  /** Copies an existing file to a fresh `<file>.bak-<timestamp>` (0600); nothing to keep gives undefined. */
  private async backUp(filePath: string): Promise<string | undefined> {
    let data: Uint8Array;
    try {
      data = new Uint8Array(await fs.readFile(filePath));
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') {
        return undefined;
      }
      throw ioError('back up', filePath, error);
    }
    const stamp = new Date().toISOString().replace(/[-:.]/gu, '');
    for (let attempt = 0; ; attempt += 1) {
      const backupPath = `${filePath}${BACKUP_INFIX}${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
      try {
        await this.writeExclusive(backupPath, data);
        return backupPath;
      } catch (error) {
        if (errnoCode(error) !== 'EEXIST' || attempt >= 99) {
          throw ioError('back up', filePath, error);
        }
      }
    }
  }

  /** Makes a rename or link in `directory` durable (Linux and macOS; Windows cannot open a directory). */
  private async syncDirectory(directory: string): Promise<void> {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(directory, 'r');
      await handle.sync();
    } catch (error) {
      if (process.platform !== 'win32') {
        throw ioError('sync directory', directory, error);
      }
    } finally {
      await handle?.close();
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
