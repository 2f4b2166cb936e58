import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ChildSpec {
  /** Short name used in messages and as the log file name. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Resolves `start` with the first stdout/stderr line this matches (e.g. the printed ws URL). */
  readonly readyWhen: RegExp;
  readonly readyTimeoutMs?: number;
}

export interface RunningChild {
  readonly name: string;
  readonly pid: number;
  /** The line that matched `readyWhen`, with its capture groups. */
  readonly ready: RegExpMatchArray;
}

export class ChildFailedError extends Error {
  readonly code = 'TAONODE_NODE_CHILD_FAILED';
}

const DEFAULT_READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/**
 * Starts the local node's processes, sends their output to one log file each (the terminal belongs to the
 * live view), and stops them all in reverse order of start: SIGTERM, then SIGKILL after a grace period, so
 * that Ctrl-C never leaves a child behind.
 */
export class ProcessSupervisor {
  private readonly children: { spec: ChildSpec; process: ChildProcess; log: WriteStream }[] = [];
  private stopping = false;

  constructor(
    private readonly logDirectory: string,
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
  ) {
    mkdirSync(logDirectory, { recursive: true });
  }

  logFile(name: string): string {
    return join(this.logDirectory, `${name}.log`);
  }

  async start(spec: ChildSpec): Promise<RunningChild> {
    const log = createWriteStream(this.logFile(spec.name), { flags: 'a' });
    // Own process group: a terminal's Ctrl-C reaches only us, and we stop the children in order (services before
    // the chain and Redis they depend on) instead of all of them at once.
    const child = spawn(spec.command, [...spec.args], {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (this.children.length === 0) {
      // If we die without running stopAll (an uncaught error), take the children with us.
      process.once('exit', () => this.killAllNow());
    }
    this.children.push({ spec, process: child, log });
    child.once('exit', (code) => {
      log.end();
      if (!this.stopping) {
        this.onUnexpectedExit(spec.name, code);
      }
    });
    const ready = await this.waitForReadyLine(spec, child, log);
    if (child.pid === undefined) {
      throw new ChildFailedError(`${spec.name} did not start`);
    }
    return { name: spec.name, pid: child.pid, ready };
  }

  /** Stops every child, newest first, and resolves when all have exited. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const { process: child } of [...this.children].reverse()) {
      await stopChild(child);
    }
  }

  private killAllNow(): void {
    for (const { process: child } of this.children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
  }

  pids(): number[] {
    return this.children.flatMap(({ process: child }) => (child.pid === undefined ? [] : [child.pid]));
  }

  private waitForReadyLine(spec: ChildSpec, child: ChildProcess, log: WriteStream): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const timeoutMs = spec.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
      const timer = setTimeout(() => {
        reject(
          new ChildFailedError(`${spec.name} was not ready within ${timeoutMs} ms (see ${this.logFile(spec.name)})`),
        );
      }, timeoutMs);
      let matched = false;
      const onLine = (line: string): void => {
        log.write(`${line}\n`);
        const match = matched ? null : spec.readyWhen.exec(line);
        if (match) {
          matched = true;
          clearTimeout(timer);
          resolve(match);
        }
      };
      for (const stream of [child.stdout, child.stderr]) {
        if (stream) {
          createInterface({ input: stream }).on('line', onLine);
        }
      }
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (!matched) {
          reject(
            new ChildFailedError(
              `${spec.name} exited with code ${code} before it was ready (see ${this.logFile(spec.name)})`,
            ),
          );
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new ChildFailedError(`${spec.name} could not be started: ${error.message}`));
      });
    });
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
