import { readFileSync } from 'node:fs';

/**
 * The soft limit on open files of this process, read from /proc/self/limits (Node raises it to the hard limit at
 * start, so it is `ulimit -Hn` of the shell that started the process); undefined where that file does not exist
 * (not Linux) or the limit is unlimited.
 */
export function openFileSoftLimit(
  readLimits: () => string = () => readFileSync('/proc/self/limits', 'utf8'),
): number | undefined {
  let limits: string;
  try {
    limits = readLimits();
  } catch {
    return undefined;
  }
  const soft = /^Max open files\s+(\S+)/m.exec(limits)?.[1];
  return soft === undefined || !/^\d+$/.test(soft) ? undefined : Number(soft);
}

/**
 * How many client connections the axon can hold: the configured cap, lowered below the open-file limit with room
 * for everything else the process opens (Redis and gRPC connections, worker threads, log files, metric scrapes).
 * Past the limit the kernel refuses `accept` before the gateway sees the connection, so no eviction could make
 * room for a validator then; below it, the connection guard always decides.
 */
export function connectionCapWithin(configured: number, softLimit: number | undefined): number {
  if (softLimit === undefined) {
    return configured;
  }
  const reserve = Math.max(64, Math.ceil(softLimit / 16));
  return Math.max(1, Math.min(configured, softLimit - reserve));
}
