import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  isPortFree,
  isProcessAlive,
  isProcessGroupAlive,
  PortInUseError,
  ProcessError,
  startChild,
  waitForProcessGroupExit,
} from '../src';

const LISTENER = join(__dirname, 'fixtures', 'listener.js');
const HARNESS = join(__dirname, 'fixtures', 'supervise-and-wait.ts');
/** Generous bound for a killed supervisor's children to be gone: their grace period plus a busy machine. */
const GONE_WITHIN_MS = 30_000;

interface Harness {
  readonly pgids: number[];
  kill(signal: NodeJS.Signals): void;
  readonly exited: Promise<void>;
}

/** Starts the fixture supervisor (redis-server + listener on the given ports) and waits for its ready line. */
async function startHarness(ports: readonly number[]): Promise<Harness> {
  const harness = spawn(process.execPath, ['-r', '@swc-node/register', HARNESS, ...ports.map(String)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => harness.once('exit', () => resolve()));
  let errors = '';
  harness.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const pgids = await new Promise<number[]>((resolve, reject) => {
    let seen = '';
    harness.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /ready (\S+)/.exec(seen);
      if (match?.[1]) {
        resolve(match[1].split(',').map(Number));
      }
    });
    harness.once('exit', (code) => reject(new Error(`harness exited with ${code}: ${errors}`)));
  });
  return { pgids, kill: (signal) => harness.kill(signal), exited };
}

async function waitUntilFree(ports: readonly number[]): Promise<boolean> {
  const deadline = Date.now() + GONE_WITHIN_MS;
  for (;;) {
    const free = await Promise.all(ports.map((port) => isPortFree(port)));
    if (free.every(Boolean)) {
      return true;
    }
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const NOT_READY_MARKER = 'TAONODE_NOT_READY_TEST';

/** Pids of live processes whose environment sets {@link NOT_READY_MARKER} to `marker` (synchronous on purpose). */
function processesCarrying(marker: string): number[] {
  const wanted = `${NOT_READY_MARKER}=${marker}\0`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(wanted)) {
        pids.push(Number(entry));
      }
    } catch {
      // Gone meanwhile, or another user's process.
    }
  }
  return pids;
}

/**
 * Polls until a process carrying `marker` exists. Each poll's timer is armed before the child's deadline timer
 * and the scan is synchronous, so the spawned watchdog (exec'd before spawn() returns) is seen before the
 * deadline can kill it, however slow the box. Empty only if `settled` resolves first.
 */
async function firstProcessesCarrying(marker: string, settled: Promise<void>): Promise<number[]> {
  let isSettled = false;
  void settled.then(() => (isSettled = true));
  for (;;) {
    const pids = processesCarrying(marker);
    if (pids.length > 0 || isSettled) {
      return pids;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer().listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('children die with their supervisor', () => {
  it.each(['SIGHUP', 'SIGTERM', 'SIGKILL'] as const)(
    '%s of the supervisor leaves no child process and no open port, and a second start right after succeeds',
    async (signal) => {
      const ports = [await freePort(), await freePort()];
      const first = await startHarness(ports);
      expect(first.pgids).toHaveLength(2);
      expect(first.pgids.every(isProcessGroupAlive)).toBe(true);
      expect(await Promise.all(ports.map((port) => isPortFree(port)))).toEqual([false, false]);

      first.kill(signal);
      await first.exited;
      const gone = await Promise.all(first.pgids.map((pgid) => waitForProcessGroupExit(pgid, GONE_WITHIN_MS)));
      expect(gone).toEqual([true, true]);
      expect(await waitUntilFree(ports)).toBe(true);

      const second = await startHarness(ports);
      second.kill('SIGTERM');
      await second.exited;
      expect(await Promise.all(second.pgids.map((pgid) => waitForProcessGroupExit(pgid, GONE_WITHIN_MS)))).toEqual([
        true,
        true,
      ]);
    },
  );
});

describe('startChild', () => {
  it('reports a port in use in one line naming the port and the process holding it', async () => {
    const port = await freePort();
    const holder = await listenOn(port);
    try {
      const attempt = startChild({
        name: 'listener',
        command: process.execPath,
        args: [LISTENER, String(port)],
        readyLine: /^listening$/,
        ports: [port],
      });
      await expect(attempt).rejects.toThrow(PortInUseError);
      const error = (await attempt.catch((caught: unknown) => caught)) as PortInUseError;
      expect(error.code).toBe('TAONODE_PROCESS_PORT_IN_USE');
      expect(error.port).toBe(port);
      expect(error.holder?.pid).toBe(process.pid);
      expect(error.message).toBe(
        `listener: port ${port} is already in use by pid ${process.pid} (${error.holder?.commandLine})`,
      );
      expect(error.message).not.toContain('\n');
    } finally {
      holder.close();
    }
  });

  it('names the port when the child fails on one taken after the check', async () => {
    const port = await freePort();
    // The child checks nothing itself; a second child that wants the same port finds it taken by the first.
    const first = await startChild({
      name: 'first',
      command: process.execPath,
      args: [LISTENER, String(port)],
      readyLine: /^listening$/,
    });
    try {
      const error = (await startChild({
        name: 'second',
        command: process.execPath,
        args: [LISTENER, String(port)],
        readyLine: /^listening$/,
        ports: [port],
      }).catch((caught: unknown) => caught)) as PortInUseError;
      expect(error).toBeInstanceOf(PortInUseError);
      expect(error.message).toMatch(
        new RegExp(`^second: port ${port} is already in use by pid \\d+ \\(.*listener\\.js ${port}\\)$`),
      );
    } finally {
      await first.stop();
    }
  });

  it('quotes the output of a child that exits before it is ready', async () => {
    const attempt = startChild({
      name: 'broken',
      command: process.execPath,
      args: ['-e', 'process.stderr.write("no config here\\n"); process.exit(3)'],
      readyLine: /never/,
    });
    await expect(attempt).rejects.toThrow(ProcessError);
    await expect(attempt).rejects.toMatchObject({ code: 'TAONODE_PROCESS_EXITED' });
    await expect(attempt).rejects.toThrow(/broken exited \(code 3\) before it was ready; last output:\nno config here/);
  });

  it('appends the output to the log file and names it when the child fails', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'taonode-process-log-'));
    const logFile = join(directory, 'talker.log');
    try {
      const attempt = startChild({
        name: 'talker',
        command: 'sh',
        args: ['-c', 'echo first; echo second >&2; exit 4'],
        readyLine: /never/,
        logFile,
      });
      await expect(attempt).rejects.toThrow(`talker exited (code 4) before it was ready (log: ${logFile})`);
      expect(readFileSync(logFile, 'utf8').split('\n').sort()).toEqual(['', 'first', 'second']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('reports a command that cannot be run', async () => {
    const attempt = startChild({ name: 'ghost', command: 'taonode-no-such-command', args: [], readyLine: /x/ });
    await expect(attempt).rejects.toThrow(/ghost exited \(code 127\).*cannot run taonode-no-such-command/s);
  });

  it('gives up on a child that is not ready by its deadline and leaves nothing running', async () => {
    // The child never prints its ready line, so any deadline ends in NOT_READY. On a busy box the deadline can
    // pass before the child (behind its node watchdog) has printed anything, so its processes are found by an
    // environment marker from the moment they are spawned, not by their output.
    const marker = `${process.pid}-${Date.now()}`;
    const attempt = startChild({
      name: 'silent',
      command: 'sh',
      args: ['-c', 'exec sleep 300'],
      env: { [NOT_READY_MARKER]: marker },
      readyLine: /never/,
      readyTimeoutMs: 500,
    });
    let error: unknown;
    const settled = attempt.then(
      () => undefined,
      (caught: unknown) => {
        error = caught;
      },
    );
    const started = await firstProcessesCarrying(marker, settled);
    await settled;
    expect(error).toBeInstanceOf(ProcessError);
    expect((error as ProcessError).code).toBe('TAONODE_PROCESS_NOT_READY');
    expect(started.length).toBeGreaterThan(0);
    expect(started.filter(isProcessAlive)).toEqual([]);
    expect(processesCarrying(marker)).toEqual([]);
  });

  it('stops a child that ignores SIGTERM with SIGKILL to its whole group, grandchildren included', async () => {
    const port = await freePort();
    const child = await startChild({
      name: 'stubborn',
      command: process.execPath,
      args: [LISTENER, String(port)],
      env: { IGNORE_SIGTERM: '1' },
      readyLine: /^listening$/,
      stopGraceMs: 200,
    });
    expect(isProcessGroupAlive(child.pid)).toBe(true);
    await child.stop();
    expect(isProcessGroupAlive(child.pid)).toBe(false);
    expect(await isPortFree(port)).toBe(true);
  });

  it('probes a ready URL after the ready line', async () => {
    const port = await freePort();
    const script = `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1', () => console.log('up'))`;
    const child = await startChild({
      name: 'http',
      command: process.execPath,
      args: ['-e', script],
      readyLine: /^up$/,
      readyUrl: `http://127.0.0.1:${port}/ready`,
    });
    try {
      expect(child.ready?.[0]).toBe('up');
      expect(child.isRunning).toBe(true);
    } finally {
      await child.stop();
    }
    expect(child.status).toEqual({ code: null, signal: 'SIGTERM' });
  });
});
