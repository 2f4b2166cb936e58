import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, isPortFree, isProcessGroupAlive, stablePort, waitForProcessGroupExit } from '@taonode/process';

const REPO_ROOT = join(__dirname, '..', '..', '..');
/** A start compiles chain-sync and registers two neurons; a busy 2-core box needs headroom. */
const START_TEST_TIMEOUT_MS = 300_000;
/** Generous bound for the children of a stopped or killed node to be gone (their grace periods, a busy box). */
const GONE_WITHIN_MS = 60_000;

interface StartedNode {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
}

/** Every node a test started, so a failed assertion cannot leave one running (and holding ports) for the next. */
const started: StartedNode[] = [];

/**
 * Runs the real `taonode start` with its own data directory and any free axon port; without REDIS_URL it starts a
 * private redis-server.
 */
function startNode(devnetPort: number, dataDirectory: string): StartedNode {
  const { REDIS_URL: _ignored, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'bin', 'taonode.js'),
      'start',
      '--devnet-port',
      String(devnetPort),
      '--axon-port',
      '0',
      '--data-dir',
      dataDirectory,
    ],
    { cwd: REPO_ROOT, env },
  );
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  createInterface({ input: child.stderr }).on('line', (line) => lines.push(`stderr: ${line}`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const node = { child, lines, exited };
  started.push(node);
  return node;
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function nextLine({ child, lines }: StartedNode, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const seen = lines.map((line) => pattern.exec(line)).find((match) => match !== null);
    if (seen) {
      resolve(seen);
      return;
    }
    const onLine = (line: string): void => {
      const match = pattern.exec(line);
      if (match) {
        child.off('exit', onExit);
        reader.off('line', onLine);
        resolve(match);
      }
    };
    const onExit = (code: number | null): void =>
      reject(new Error(`taonode start exited (${code}):\n${lines.join('\n')}`));
    const reader = createInterface({ input: child.stdout });
    reader.on('line', onLine);
    child.once('exit', onExit);
  });
}

/** The children's process groups, from the "running" line. */
async function runningChildren(node: StartedNode): Promise<number[]> {
  const running = await nextLine(node, /^taonode: running \(children ([\d ]+)\)/);
  return (running[1] ?? '').split(' ').map(Number);
}

async function allGone(pgids: readonly number[]): Promise<boolean> {
  const gone = await Promise.all(pgids.map((pgid) => waitForProcessGroupExit(pgid, GONE_WITHIN_MS)));
  return gone.every(Boolean);
}

async function portFreedWithin(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isPortFree(port))) {
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

describe('npm start: the local node', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'taonode-start-'));
  let runs = 0;
  const dataDirectory = (): string => join(scratch, `run-${(runs += 1)}`);
  afterEach(async () => {
    // Normally every node has exited by now; SIGKILL ends a leftover at once and its children's lifelines end them.
    for (const { child, exited } of started.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    }
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(
    'shows the live metagraph with both dev neurons, then stops every child on Ctrl-C',
    async () => {
      const node = startNode(0, dataDirectory());
      const pgids = await runningChildren(node);
      // redis-server, the devnet and chain-sync at least (the node runs more services as they are added).
      expect(pgids.length).toBeGreaterThanOrEqual(3);
      expect(pgids.every(isProcessGroupAlive)).toBe(true);

      // The subnet owner (uid 0) plus the validator and miner the node registers; the miner's axon is served.
      const live = await nextLine(node, /^metagraph: subnet 1 block (\d+) neurons 2 stake [\d.]+ axons 1$/);
      expect(Number(live[1])).toBeGreaterThan(0);

      node.child.kill('SIGINT');
      expect(await node.exited).toBe(0);
      expect(node.lines).toContain('taonode: stopped');
      expect(pgids.filter(isProcessGroupAlive)).toEqual([]);
    },
    START_TEST_TIMEOUT_MS,
  );

  it.each(['SIGHUP', 'SIGTERM', 'SIGKILL'] as const)(
    '%s of taonode start leaves no child process and frees the devnet port, and a second start right after succeeds',
    async (signal) => {
      // Below the ephemeral range: the node's own listen(0) picks can never be offered it before the devnet binds it.
      const devnetPort = await stablePort();
      const node = startNode(devnetPort, dataDirectory());
      const pgids = await runningChildren(node);
      expect(pgids.every(isProcessGroupAlive)).toBe(true);
      expect(await isPortFree(devnetPort)).toBe(false);

      node.child.kill(signal);
      const code = await node.exited;
      if (signal !== 'SIGKILL') {
        expect(code).toBe(0);
        expect(node.lines).toContain('taonode: stopped');
      }
      expect(await allGone(pgids)).toBe(true);
      expect(await portFreedWithin(devnetPort, GONE_WITHIN_MS)).toBe(true);

      const again = startNode(devnetPort, dataDirectory());
      const againPgids = await runningChildren(again);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
      expect(await allGone(againPgids)).toBe(true);
    },
    START_TEST_TIMEOUT_MS,
  );

  it(
    'refuses a devnet port in use with one line naming the port and the process holding it',
    async () => {
      const devnetPort = await freePort();
      const holder = await new Promise<Server>((resolve) => {
        const server = createServer().listen(devnetPort, '127.0.0.1', () => resolve(server));
      });
      try {
        const node = startNode(devnetPort, dataDirectory());
        expect(await node.exited).toBe(1);
        // One error line (stderr may carry unrelated runtime warnings).
        const errors = node.lines.filter((line) => line.startsWith('stderr: error'));
        expect(errors).toEqual([
          expect.stringMatching(
            new RegExp(`^stderr: error: devnet: port ${devnetPort} is already in use by pid ${process.pid} \\(.+\\)$`),
          ),
        ]);
      } finally {
        holder.close();
      }
    },
    START_TEST_TIMEOUT_MS,
  );
});
