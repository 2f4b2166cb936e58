import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = join(__dirname, '..', '..', '..');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function nextLine(child: ChildProcessWithoutNullStreams, lines: string[], pattern: RegExp): Promise<RegExpMatchArray> {
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

describe('npm start: the local node', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'taonode-start-'));
  afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('shows the live metagraph with both dev neurons, then stops every child on Ctrl-C', async () => {
    // Without REDIS_URL the node starts its own private redis-server.
    const { REDIS_URL: _ignored, ...env } = process.env;
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'taonode.js'), 'start', '--devnet-port', '0', '--data-dir', dataDirectory],
      { cwd: REPO_ROOT, env },
    );
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    child.stderr.on('data', (chunk: Buffer) => lines.push(`stderr: ${chunk.toString()}`));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const running = await nextLine(child, lines, /^taonode: running \(children ([\d ]+)\)/);
    const pids = (running[1] ?? '').split(' ').map(Number);
    expect(pids).toHaveLength(3);
    expect(pids.every(isAlive)).toBe(true);

    // The subnet owner (uid 0) plus the validator and miner the node registers; the miner's axon is served.
    const live = await nextLine(child, lines, /^metagraph: subnet 1 block (\d+) neurons 3 stake [\d.]+ axons 1$/);
    expect(Number(live[1])).toBeGreaterThan(0);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(lines).toContain('taonode: stopped');
    expect(pids.filter(isAlive)).toEqual([]);
  });
});
