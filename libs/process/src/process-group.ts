import { readdirSync, readFileSync } from 'node:fs';

/**
 * Whether any live (not zombie) process is still in process group `pgid`. A killed child's port is free only once
 * the process has really exited, and an orphan's zombie may linger until its reaper gets to it: zombies hold no
 * ports, so they do not count.
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
  return liveMembers(pgid).length > 0;
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
  const state = statFields(pid)?.state;
  return state !== 'Z' && state !== 'X';
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

/** Pids of the non-zombie members of `pgid`, from /proc/<pid>/stat. */
function liveMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    // No /proc: kill(0) succeeded, so assume the group lives.
    return [pgid];
  }
  return entries
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      const fields = statFields(pid);
      return fields !== undefined && fields.pgrp === pgid && fields.state !== 'Z' && fields.state !== 'X';
    });
}

/** State and process group of `pid` from /proc/<pid>/stat (`pid (comm) state ppid pgrp …`). */
function statFields(pid: number): { state: string; pgrp: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    // Gone while we looked, or no /proc.
    return undefined;
  }
  // comm may contain spaces and parentheses: the fields after the last ')' are fixed.
  const [state = '', , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, pgrp: Number(pgrp) };
}
