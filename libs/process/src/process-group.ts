import { readdirSync, readFileSync } from 'node:fs';

/**
 * Whether any live process is still in process group `pgid`. A killed child's port is free only once the process
 * has really exited, and an orphan's zombie may linger until its reaper gets to it: a zombie holds no ports, so it
 * does not count. A process whose main thread is a zombie while other threads still exit does count (see
 * {@link runningMembersOf}).
 */
export function isProcessGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
      return false;
    }
    throw error;
  }
  return runningMembersOf(pgid).length > 0;
}

/** Whether process `pid` runs (exists and is not a zombie: an orphan's zombie may wait long for its reaper). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
      return false;
    }
    throw error;
  }
  return isRunning(pid, '/proc');
}

/** Sends `signal` to every process of group `pgid`; false when the group is already empty. */
export function signalProcessGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
      return false;
    }
    throw error;
  }
}

/** Resolves once group `pgid` has no live process, or after `timeoutMs` (then false). */
export async function waitForProcessGroupExit(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessGroupAlive(pgid)) {
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/**
 * Pids of the members of `pgid` that still run, from `procRoot` (/proc). A process runs while any of its threads
 * has not exited: when a multi-threaded process (every Node process) is killed, its main thread may show as a
 * zombie while the other threads are still being torn down, and those still hold the process's files, its
 * listening sockets included (CI saw a devnet's port still taken after its "zombie" was counted as gone).
 */
export function runningMembersOf(pgid: number, procRoot = '/proc'): number[] {
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    // No /proc: kill(0) succeeded, so assume the group lives.
    return [pgid];
  }
  return entries
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => statFields(`${procRoot}/${pid}/stat`)?.pgrp === pgid && isRunning(pid, procRoot));
}

/** Whether any thread of `pid` is neither a zombie nor dead (the main thread alone when tasks cannot be read). */
function isRunning(pid: number, procRoot: string): boolean {
  let threads: string[];
  try {
    threads = readdirSync(`${procRoot}/${pid}/task`);
  } catch {
    threads = [];
  }
  const statFiles =
    threads.length > 0 ? threads.map((tid) => `${procRoot}/${pid}/task/${tid}/stat`) : [`${procRoot}/${pid}/stat`];
  return statFiles.some((file) => {
    const state = statFields(file)?.state;
    return state !== undefined && state !== 'Z' && state !== 'X';
  });
}

/** State and process group from a /proc stat file (`pid (comm) state ppid pgrp …`). */
function statFields(file: string): { state: string; pgrp: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(file, 'utf8');
  } catch {
    // Gone while we looked, or no /proc.
    return undefined;
  }
  // comm may contain spaces and parentheses: the fields after the last ')' are fixed.
  const [state = '', , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, pgrp: Number(pgrp) };
}
