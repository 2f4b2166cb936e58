import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startChild, type SupervisedChild } from '@taonode/process';

const run = promisify(execFile);

/** What the compose test needs on the machine; Debian's packages (apt-get) provide all of them. */
const ENGINE_COMMANDS = ['dockerd', 'docker', 'docker-compose', 'debootstrap'] as const;
const ENGINE_PACKAGES = ['docker.io', 'docker-compose', 'debootstrap'] as const;
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const START_TIMEOUT_MS = 60_000;
/** dockerd stops its containers (15 s each by default) and its containerd before it exits. */
const STOP_GRACE_MS = 60_000;

/**
 * No bridge, no NAT, no forwarding: nothing a container does can leave the host's loopback except through the
 * host network itself, which is where every compose service lives (docker/compose.host-network.yml).
 */
const ISOLATION_FLAGS = ['--bridge=none', '--iptables=false', '--ip-masq=false', '--ip-forward=false'];

export function commandExists(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/**
 * Why the compose test cannot run here, or undefined when it can. It starts a root daemon and installs packages, so
 * it runs only as root, and only in CI (CI=true) or when asked (TAONODE_DOCKER_TEST=on); TAONODE_DOCKER_TEST=off
 * skips it anywhere (an unprivileged container where dockerd cannot start).
 */
export function engineUnavailableReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const wanted = env.TAONODE_DOCKER_TEST ?? 'auto';
  if (wanted === 'off') {
    return 'TAONODE_DOCKER_TEST=off';
  }
  if (wanted !== 'on' && env.CI !== 'true') {
    return 'runs in CI (CI=true) or with TAONODE_DOCKER_TEST=on: it installs and starts a Docker engine';
  }
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return 'a Docker engine needs root on Linux';
  }
  if (!ENGINE_COMMANDS.every(commandExists) && !commandExists('apt-get')) {
    return `no ${ENGINE_COMMANDS.filter((command) => !commandExists(command)).join(', ')} and no apt-get to install them`;
  }
  return undefined;
}

/** Installs Debian's docker.io, docker-compose (1.29) and debootstrap where one of their commands is missing. */
export async function installEngineIfMissing(): Promise<void> {
  if (ENGINE_COMMANDS.every(commandExists)) {
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env, timeout: INSTALL_TIMEOUT_MS });
  await run('apt-get', ['install', '-y', '-qq', ...ENGINE_PACKAGES], { env, timeout: INSTALL_TIMEOUT_MS });
}

/** A private dockerd: its own data root, exec root and socket, beside (never instead of) a system engine. */
export class DockerEngine {
  private constructor(
    private readonly daemon: SupervisedChild,
    /** Short-lived state (sockets, containerd's state); removed on stop. */
    private readonly execRoot: string,
    readonly host: string,
    readonly logFile: string,
  ) {}

  /** The environment for docker and docker-compose commands talking to this engine (legacy builder). */
  get env(): NodeJS.ProcessEnv {
    return { ...process.env, DOCKER_HOST: this.host, DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0' };
  }

  /**
   * Starts dockerd with the isolation flags, images and build cache kept under `dataRoot` (so reruns are fast),
   * and resolves once it answers /_ping. The daemon is a supervised child: it dies with this process.
   */
  static async start(dataRoot: string, logFile: string): Promise<DockerEngine> {
    mkdirSync(dataRoot, { recursive: true });
    // Under /tmp: unix socket paths must stay short.
    const execRoot = mkdtempSync('/tmp/taonode-docker-');
    const socket = join(execRoot, 'docker.sock');
    const daemon = await startChild({
      name: 'dockerd',
      command: 'dockerd',
      args: [
        ...ISOLATION_FLAGS,
        `--data-root=${dataRoot}`,
        `--exec-root=${execRoot}`,
        `--pidfile=${join(execRoot, 'docker.pid')}`,
        `--host=unix://${socket}`,
      ],
      logFile,
      readyProbe: () => answersPing(socket),
      readyTimeoutMs: START_TIMEOUT_MS,
      stopGraceMs: STOP_GRACE_MS,
    });
    return new DockerEngine(daemon, execRoot, `unix://${socket}`, logFile);
  }

  /**
   * Stops the daemon (which stops its containers and containerd), then ends whatever it left behind: processes
   * naming the exec root (containerd, shims) and their children (a container's first process: killing it ends
   * the container's whole pid namespace).
   */
  async stop(): Promise<void> {
    await this.daemon.stop();
    const leftovers = processesMentioning(this.execRoot);
    for (const pid of [...childrenOf(leftovers), ...leftovers]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // dockerd leaves its default network namespace bind-mounted under the exec root (netns/default).
    for (const mountPoint of mountsUnder(this.execRoot)) {
      await run('umount', ['--lazy', mountPoint], { timeout: 30_000 });
    }
    rmSync(this.execRoot, { recursive: true, force: true });
  }
}

/** Mount points under `dir`, deepest first (/proc/self/mounts escapes spaces as \040). */
function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => (line.split(' ')[1] ?? '').replace(/\\040/g, ' '))
    .filter((mountPoint) => mountPoint.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
}

function answersPing(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ socketPath, path: '/_ping', timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    probe.once('timeout', () => probe.destroy());
    probe.once('error', () => resolve(false));
    probe.end();
  });
}

function processIds(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => pid !== process.pid);
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return ''; // the process ended meanwhile
  }
}

/** Pids whose command line contains `text` (this engine's containerd and shims name its exec root). */
function processesMentioning(text: string): number[] {
  return processIds().filter((pid) => readProc(pid, 'cmdline').includes(text));
}

function childrenOf(parents: readonly number[]): number[] {
  const wanted = new Set(parents);
  // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
  return processIds().filter((pid) => {
    const stat = readProc(pid, 'stat');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return wanted.has(ppid);
  });
}
