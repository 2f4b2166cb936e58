import { closeSync, existsSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Size-based rotation of a log file: the size a file may reach, and how many rotated files are kept beside it. */
export interface LogRotation {
  /** A line that would take the current file past this many bytes goes to a fresh file (one line may exceed it). */
  readonly maxBytes: number;
  /** Rotated files kept: `<file>.1` (newest) … `<file>.<maxFiles>`; the oldest is deleted on the next rotation. */
  readonly maxFiles: number;
}

/**
 * Defaults as the Python SDK's rotating file handler (25 MiB, 10 backups): at most 11 files of 25 MiB per service,
 * so a node left running for months holds a bounded amount of log.
 */
export const DEFAULT_LOG_ROTATION: LogRotation = { maxBytes: 25 * 1024 * 1024, maxFiles: 10 };

/**
 * An append-only log file that rotates by size, `logrotate`-style: `<file>` → `<file>.1` → … → `<file>.<maxFiles>`.
 * Writes are synchronous and whole lines, so a file never ends mid-line and a rotated file is complete the moment
 * it is renamed. Lines are written as given (the services already redact their own log lines).
 */
export class RotatingLogFile {
  #fd: number | undefined;
  #size: number;

  constructor(
    readonly path: string,
    private readonly rotation: LogRotation = DEFAULT_LOG_ROTATION,
  ) {
    if (!Number.isInteger(rotation.maxBytes) || rotation.maxBytes < 1) {
      throw new RangeError(`log rotation maxBytes must be a positive integer, got ${rotation.maxBytes}`);
    }
    if (!Number.isInteger(rotation.maxFiles) || rotation.maxFiles < 0) {
      throw new RangeError(`log rotation maxFiles must be a non-negative integer, got ${rotation.maxFiles}`);
    }
    this.#fd = openSync(path, 'a', 0o640);
    this.#size = fstatSync(this.#fd).size;
  }

  /** Appends `line` and a newline, rotating first when the current file would grow past `maxBytes`. */
  writeLine(line: string): void {
    if (this.#fd === undefined) {
      return;
    }
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    if (this.#size > 0 && this.#size + bytes.length > this.rotation.maxBytes) {
      this.rotate();
    }
    writeSync(this.#fd, bytes);
    this.#size += bytes.length;
  }

  close(): void {
    if (this.#fd !== undefined) {
      closeSync(this.#fd);
      this.#fd = undefined;
    }
  }

  private rotate(): void {
    this.close();
    const { maxFiles } = this.rotation;
    if (maxFiles === 0) {
      rmSync(this.path, { force: true });
    } else {
      rmSync(`${this.path}.${maxFiles}`, { force: true });
      for (let index = maxFiles - 1; index >= 1; index -= 1) {
        const from = `${this.path}.${index}`;
        if (existsSync(from)) {
          renameSync(from, `${this.path}.${index + 1}`);
        }
      }
      renameSync(this.path, `${this.path}.1`);
    }
    this.#fd = openSync(this.path, 'a', 0o640);
    this.#size = 0;
  }
}
