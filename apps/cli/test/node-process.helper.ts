import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { signalProcessGroup, waitForProcessGroupExit } from '@taonode/process';
import { REPO_ROOT } from './cli-process.helper';

/** Bound for a stopped node's process group to be gone (its services' grace periods on a busy box). */
const GONE_WITHIN_MS = 60_000;
/** Default bound for a line to appear: services compile on first start on a shared 2-core box. */
const DEFAULT_LINE_TIMEOUT_MS = 300_000;

/** A running `taonode miner|validator|node` started by a test, in its own process group. */
export interface NodeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every stdout line, and stderr lines prefixed `stderr: `. */
  readonly lines: string[];
  readonly exited: Promise<number | null>;
  /**
   * Resolves with the first stdout line matching `pattern` (also one already seen); rejects, quoting the node's last
   * lines, if the node exits first or after `timeoutMs`.
   */
  line(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The services' ops base URLs by name, from the lines printed once it runs (within `timeoutMs`). */
  opsUrls(timeoutMs?: number): Promise<Record<string, string>>;
}

const started: NodeProcess[] = [];

/**
 * Runs `node bin/taonode.js <args>` as its own process group (so a failed test can end it and everything it started
 * at once, see {@link killStartedNodes}).
 */
export function startNodeProcess(args: readonly string[], env: NodeJS.ProcessEnv): NodeProcess {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'taonode.js'), ...args], {
    cwd: REPO_ROOT,
    env,
    detached: true,
  });
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  createInterface({ input: child.stdout }).on('line', (text) => {
    lines.push(text);
    listeners.forEach((listener) => listener(text));
  });
  createInterface({ input: child.stderr }).on('line', (text) => lines.push(`stderr: ${text}`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const tail = (): string => lines.slice(-40).join('\n');
  const line = (pattern: RegExp, timeoutMs = DEFAULT_LINE_TIMEOUT_MS): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const seen = lines.map((text) => pattern.exec(text)).find((match) => match !== null);
      if (seen) {
        resolve(seen);
        return;
      }
      const timer = setTimeout(() => {
        if (listeners.delete(onLine)) {
          reject(new Error(`${args[0]} printed no ${pattern} within ${timeoutMs} ms; last lines:\n${tail()}`));
        }
      }, timeoutMs);
      const onLine = (text: string): void => {
        const match = pattern.exec(text);
        if (match) {
          listeners.delete(onLine);
          clearTimeout(timer);
          resolve(match);
        }
      };
      listeners.add(onLine);
      void exited.then((code) => {
        if (listeners.delete(onLine)) {
          clearTimeout(timer);
          reject(new Error(`${args[0]} exited (${code}) before printing ${pattern}; last lines:\n${tail()}`));
        }
      });
    });
  const node: NodeProcess = {
    child,
    lines,
    exited,
    line,
    opsUrls: async (timeoutMs) => {
      await line(/: running \(children [\d ]+\)/u, timeoutMs);
      const urls: Record<string, string> = {};
      for (const text of lines) {
        const match = /^\s+(\S+)\s+health (http:\/\/\S+)\/health\s+metrics /u.exec(text);
        if (match?.[1] !== undefined && match[2] !== undefined) {
          urls[match[1]] = match[2];
        }
      }
      return urls;
    },
  };
  started.push(node);
  return node;
}

/** Sends `signal` to the node (not its group: the node must stop its services itself) and resolves with its code. */
export async function stopNode(node: NodeProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  node.child.kill(signal);
  return node.exited;
}

/** For afterAll/afterEach: SIGKILL to the process group of every node still running, and wait until it is gone. */
export async function killStartedNodes(): Promise<void> {
  for (const node of started.splice(0)) {
    // The node's own group, and each service's (the supervisor starts every child in its own session).
    const pgids = [node.child.pid ?? 0, ...childGroups(node)].filter((pgid) => pgid > 0);
    pgids.forEach((pgid) => signalProcessGroup(pgid, 'SIGKILL'));
    for (const pgid of pgids) {
      await waitForProcessGroupExit(pgid, GONE_WITHIN_MS);
    }
  }
}

/** The process groups of the node's children, from every "running (children …)" line it printed. */
export function childGroups(node: NodeProcess): number[] {
  return node.lines.flatMap((text) => {
    const match = /: running \(children ([\d ]+)\)/u.exec(text);
    return match?.[1] === undefined ? [] : match[1].split(' ').map(Number);
  });
}

/** The value of a Prometheus counter/gauge summed over the series whose labels include `labels`. */
export async function metricSum(opsUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${opsUrl}/metrics`)).text();
  let sum = 0;
  for (const row of text.split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/u.exec(row);
    if (match?.[1] !== name) {
      continue;
    }
    const rowLabels = match[2] ?? '';
    if (Object.entries(labels).every(([key, value]) => rowLabels.includes(`${key}="${value}"`))) {
      sum += Number(match[3]);
    }
  }
  return sum;
}
