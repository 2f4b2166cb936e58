import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { isPortFree } from './free-port';
import { OutputLines } from './output-lines';
import { findPortHolder } from './port-holder';
import { signalProcessGroup, waitForProcessGroupExit } from './process-group';
import { PortInUseError, ProcessError } from './process.error';
import { answersHttp, pollUntil } from './ready-probe';
import { RotatingLogFile, type LogRotation } from './rotating-log-file';

/** Plain JavaScript, run by this Node binary: see the file for why it exists. */
const WATCHDOG = join(__dirname, 'lifeline-watchdog.js');
const DEFAULT_READY_TIMEOUT_MS = 60_000;
const DEFAULT_STOP_GRACE_MS = 5_000;
/** Extra time the supervisor gives the watchdog's own SIGKILL before sending one itself. */
const WATCHDOG_MARGIN_MS = 1_000;
/** How long a killed group may take to leave the process table (the kernel, not the child, is slow here). */
const GROUP_EXIT_WAIT_MS = 10_000;
/** How often a stopped child's ports are checked until the kernel has released them. */
const PORT_RELEASE_POLL_MS = 25;
/** Output lines quoted when a child fails to start. */
const QUOTED_LINES = 20;

export interface ChildSpec {
  /** Short name used in messages (and by callers for log file names). */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Merged over this process's environment (secrets go here or in files, never in `args`). */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Ready once a stdout or stderr line matches (e.g. the printed ws URL); its match is kept. */
  readonly readyLine?: RegExp;
  /** Ready once this URL answers 2xx (probed after the ready line, when both are given). */
  readonly readyUrl?: string;
  /** Ready once this resolves true (polled after the ready line and URL; for readiness HTTP cannot tell). */
  readonly readyProbe?: () => Promise<boolean>;
  /** Deadline for the whole start (default 60 s: cold swc compilation on a busy 2-core box). */
  readonly readyTimeoutMs?: number;
  /** Every output line is appended here. */
  readonly logFile?: string;
  /** Rotate `logFile` by size (see {@link RotatingLogFile}); without it the file only grows. */
  readonly logRotation?: LogRotation;
  /** Ports the child listens on: checked before it starts, and named (with their holder) if it fails. */
  readonly ports?: readonly number[];
  /** The address the child binds those ports on (default 127.0.0.1). */
  readonly portHost?: string;
  /** Time between SIGTERM and SIGKILL when stopping (default 5 s). */
  readonly stopGraceMs?: number;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * Starts `spec` through the lifeline watchdog (see lifeline-watchdog.js) in its own session and process group,
 * and resolves once it is ready. The child dies with this process however this process ends. Fails with
 * {@link PortInUseError} when one of `spec.ports` is taken (before starting, or as the reason the child exited),
 * otherwise with a {@link ProcessError} quoting the child's last output lines.
 */
export async function startChild(spec: ChildSpec): Promise<SupervisedChild> {
  await assertPortsFree(spec);
  const graceMs = String(spec.stopGraceMs ?? DEFAULT_STOP_GRACE_MS);
  const watchdog = spawn(process.execPath, [WATCHDOG, graceMs, spec.command, ...spec.args], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    // fd 3 is the lifeline: never written, closed by the kernel when this process ends.
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const child = new SupervisedChild(spec, watchdog);
  try {
    await child.waitUntilReady();
  } catch (error) {
    await child.kill('SIGKILL');
    // The log a failure message points to is complete by the time the caller reads the message.
    await child.logWritten;
    throw await explainFailure(child, error);
  }
  return child;
}

/** One started child: its process group, its output, and how to end it. */
export class SupervisedChild {
  /** Resolves when the child (the watchdog, which exits as the command did) has exited. */
  readonly exited: Promise<ExitStatus>;
  readonly output: OutputLines;
  /** Resolves once the child has ended and its log file (if any) holds all its output. */
  readonly logWritten: Promise<void>;
  #status: ExitStatus | undefined;
  #ready: RegExpExecArray | undefined;
  readonly #spawnError: Promise<Error>;

  constructor(
    readonly spec: ChildSpec,
    private readonly watchdog: ChildProcess,
  ) {
    this.output = new OutputLines([watchdog.stdout, watchdog.stderr]);
    if (spec.logFile === undefined) {
      this.logWritten = Promise.resolve();
    } else if (spec.logRotation !== undefined) {
      const log = new RotatingLogFile(spec.logFile, spec.logRotation);
      this.output.onLine((line) => log.writeLine(line));
      this.logWritten = new Promise((resolve) =>
        watchdog.once('close', () => {
          log.close();
          resolve();
        }),
      );
    } else {
      const log = createWriteStream(spec.logFile, { flags: 'a' });
      this.output.onLine((line) => log.write(`${line}\n`));
      // 'close', not 'exit': output can still arrive between the two.
      watchdog.once('close', () => log.end());
      this.logWritten = new Promise((resolve) => log.once('close', resolve));
    }
    this.exited = new Promise((resolve) => {
      watchdog.once('exit', (code, signal) => {
        this.#status = { code, signal };
        resolve(this.#status);
      });
    });
    this.#spawnError = new Promise((resolve) => watchdog.once('error', resolve));
    // The lifeline must not keep this process alive on its own.
    const lifeline = watchdog.stdio[3] as { unref?: () => void } | null | undefined;
    lifeline?.unref?.();
  }

  get name(): string {
    return this.spec.name;
  }

  /** The child's process group id (the watchdog's pid; the command runs inside the group). */
  get pid(): number {
    return this.watchdog.pid ?? 0;
  }

  /** The ready line's match, when the spec has a ready line. */
  get ready(): RegExpExecArray | undefined {
    return this.#ready;
  }

  get isRunning(): boolean {
    return this.#status === undefined;
  }

  /** How the child ended, once it has. */
  get status(): ExitStatus | undefined {
    return this.#status;
  }

  /** SIGTERM, then SIGKILL to the whole group after the grace period; resolves once nothing of it runs. */
  async stop(): Promise<void> {
    if (this.isRunning) {
      const graceMs = (this.spec.stopGraceMs ?? DEFAULT_STOP_GRACE_MS) + WATCHDOG_MARGIN_MS;
      const killer = setTimeout(() => signalProcessGroup(this.pid, 'SIGKILL'), graceMs);
      this.watchdog.kill('SIGTERM');
      await this.exited;
      clearTimeout(killer);
    }
    await this.waitForGroupExit();
  }

  /**
   * Ends the child with `signal` and resolves once nothing of it runs. SIGKILL goes to the whole group at once (the
   * command vanishes mid-connection, as a crashed node would); other signals are forwarded by the watchdog.
   */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.pid === 0) {
      return;
    }
    if (signal === 'SIGKILL') {
      signalProcessGroup(this.pid, 'SIGKILL');
    } else if (this.isRunning) {
      this.watchdog.kill(signal);
    }
    await this.exited;
    await this.waitForGroupExit();
  }

  /** @internal Resolves once ready; rejects if the child exits, cannot start, or misses its deadline. */
  async waitUntilReady(): Promise<void> {
    const timeoutMs = this.spec.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new ProcessError('TAONODE_PROCESS_NOT_READY', `${this.name} was not ready within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    const failed = Promise.race([
      this.exited.then((status): never => {
        throw new ProcessError(
          'TAONODE_PROCESS_EXITED',
          `${this.name} exited (${describeExit(status)}) before it was ready`,
        );
      }),
      this.#spawnError.then((error): never => {
        throw new ProcessError('TAONODE_PROCESS_SPAWN_FAILED', `${this.name} could not be started: ${error.message}`);
      }),
      timedOut,
    ]);
    try {
      if (this.spec.readyLine !== undefined) {
        this.#ready = await Promise.race([this.readyLine(this.spec.readyLine), failed]);
      }
      for (const { probe, what } of this.readyProbes()) {
        const ready = await Promise.race([pollUntil(probe, deadline, () => this.isRunning), failed]);
        if (!ready) {
          throw new ProcessError('TAONODE_PROCESS_NOT_READY', `${this.name} ${what} within ${timeoutMs} ms`);
        }
      }
    } finally {
      clearTimeout(timer);
      // The losers of the races above settle later; nobody else listens to them.
      failed.catch(() => undefined);
    }
  }

  /** The ready URL, then the ready probe, as polled checks. */
  private readyProbes(): { probe: () => Promise<boolean>; what: string }[] {
    const { readyUrl, readyProbe } = this.spec;
    return [
      ...(readyUrl === undefined ? [] : [{ probe: () => answersHttp(readyUrl), what: `did not answer ${readyUrl}` }]),
      ...(readyProbe === undefined ? [] : [{ probe: readyProbe, what: 'was not ready' }]),
    ];
  }

  private readyLine(pattern: RegExp): Promise<RegExpExecArray> {
    const seen = this.output.recent.map((line) => pattern.exec(line)).find((match) => match !== null);
    if (seen) {
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => {
      const stop = this.output.onLine((line) => {
        const match = pattern.exec(line);
        if (match) {
          stop();
          resolve(match);
        }
      });
    });
  }

  /**
   * Resolves once nothing of the group runs and its ports can be bound again (bounded: a port some other program
   * took meanwhile is the next start's error to report), so a restart on the same port follows at once.
   */
  private async waitForGroupExit(): Promise<void> {
    if (this.pid !== 0 && !(await waitForProcessGroupExit(this.pid, GROUP_EXIT_WAIT_MS))) {
      signalProcessGroup(this.pid, 'SIGKILL');
      await waitForProcessGroupExit(this.pid, GROUP_EXIT_WAIT_MS);
    }
    const deadline = Date.now() + GROUP_EXIT_WAIT_MS;
    for (const port of this.spec.ports ?? []) {
      while (port !== 0 && Date.now() < deadline && !(await isPortFree(port, this.spec.portHost))) {
        await new Promise((resolve) => setTimeout(resolve, PORT_RELEASE_POLL_MS));
      }
    }
  }
}

function describeExit(status: ExitStatus): string {
  return status.signal === null ? `code ${status.code}` : `signal ${status.signal}`;
}

async function assertPortsFree(spec: ChildSpec): Promise<void> {
  for (const port of spec.ports ?? []) {
    if (port !== 0 && !(await isPortFree(port, spec.portHost))) {
      throw new PortInUseError(port, findPortHolder(port), spec.name);
    }
  }
}

/** A failed start whose real reason is a taken port says so; anything else quotes the child's last output. */
async function explainFailure(child: SupervisedChild, error: unknown): Promise<Error> {
  const { spec } = child;
  for (const port of spec.ports ?? []) {
    if (port !== 0 && !(await isPortFree(port, spec.portHost))) {
      return new PortInUseError(port, findPortHolder(port), spec.name);
    }
  }
  if (!(error instanceof ProcessError)) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const where = spec.logFile === undefined ? '' : ` (log: ${spec.logFile})`;
  const lines = child.output.recent.slice(-QUOTED_LINES);
  const quoted = lines.length === 0 ? '' : `; last output:\n${lines.join('\n')}`;
  return new ProcessError(error.code, `${error.message}${where}${quoted}`);
}
