import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { PortHolder } from './process.error';

/** `st` of a listening socket in /proc/net/tcp{,6}. */
const TCP_LISTEN = '0A';

/**
 * The process listening on TCP `port` (any address), read from /proc: the socket's inode from /proc/net/tcp and
 * tcp6, then the process whose /proc/<pid>/fd links to it. Undefined when nothing listens, when /proc is
 * missing, or when the holder belongs to a user whose fds we may not read.
 */
export function findPortHolder(port: number, procRoot = '/proc'): PortHolder | undefined {
  const inodes = listeningInodes(port, procRoot);
  if (inodes.size === 0) {
    return undefined;
  }
  for (const pid of processIds(procRoot)) {
    if (ownsSocket(pid, inodes, procRoot)) {
      return { pid, commandLine: commandLineOf(pid, procRoot) };
    }
  }
  return undefined;
}

/** Inodes of the sockets listening on `port`, from a /proc/net/tcp-format table. */
export function listeningInodesIn(table: string, port: number): Set<string> {
  const inodes = new Set<string>();
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [localAddress, state, inode] = [fields[1], fields[3], fields[9]];
    if (localAddress === undefined || state !== TCP_LISTEN || inode === undefined || inode === '0') {
      continue;
    }
    const portHex = localAddress.slice(localAddress.lastIndexOf(':') + 1);
    if (Number.parseInt(portHex, 16) === port) {
      inodes.add(inode);
    }
  }
  return inodes;
}

function listeningInodes(port: number, procRoot: string): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['tcp', 'tcp6']) {
    const text = readOrEmpty(`${procRoot}/net/${table}`);
    for (const inode of listeningInodesIn(text, port)) {
      inodes.add(inode);
    }
  }
  return inodes;
}

function processIds(procRoot: string): number[] {
  return readdirOrEmpty(procRoot)
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

function ownsSocket(pid: number, inodes: ReadonlySet<string>, procRoot: string): boolean {
  for (const fd of readdirOrEmpty(`${procRoot}/${pid}/fd`)) {
    const target = readlinkOrEmpty(`${procRoot}/${pid}/fd/${fd}`);
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode !== undefined && inodes.has(inode)) {
      return true;
    }
  }
  return false;
}

function commandLineOf(pid: number, procRoot: string): string {
  return readOrEmpty(`${procRoot}/${pid}/cmdline`).split('\0').filter(Boolean).join(' ') || `pid ${pid}`;
}

// /proc entries vanish while we read them (processes exit) and may be unreadable (other users): an entry we
// cannot read is an entry we skip, never a failure of the lookup.
function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return ignoreProcRace(error, '');
  }
}

function readdirOrEmpty(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (error) {
    return ignoreProcRace(error, []);
  }
}

function readlinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch (error) {
    return ignoreProcRace(error, '');
  }
}

function ignoreProcRace<T>(error: unknown, fallback: T): T {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'ESRCH' || code === 'ENOTDIR') {
    return fallback;
  }
  throw error;
}
