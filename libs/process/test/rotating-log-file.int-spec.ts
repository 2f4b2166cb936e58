import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RotatingLogFile, startChild } from '../src';

// Log files of supervised children on a real file system: rotated by size, a bounded number kept, whole lines only.

const ROTATION = { maxBytes: 2_000, maxFiles: 3 };

function filesOf(directory: string, base: string): string[] {
  return readdirSync(directory)
    .filter((name) => name === base || name.startsWith(`${base}.`))
    .sort();
}

describe('RotatingLogFile and supervised children logging to rotated files', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'taonode-log-rotation-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('rotates by size, keeps maxFiles rotated files, never splits a line, and the newest lines are in the live file', () => {
    const path = join(directory, 'service.log');
    const log = new RotatingLogFile(path, ROTATION);
    const lines = Array.from({ length: 500 }, (_, index) => JSON.stringify({ msg: 'event', index }));
    lines.forEach((line) => log.writeLine(line));
    log.close();

    expect(filesOf(directory, 'service.log')).toEqual([
      'service.log',
      'service.log.1',
      'service.log.2',
      'service.log.3',
    ]);
    const kept = ['service.log.3', 'service.log.2', 'service.log.1', 'service.log'].map((name) =>
      readFileSync(join(directory, name), 'utf8'),
    );
    for (const name of filesOf(directory, 'service.log')) {
      expect(statSync(join(directory, name)).size).toBeLessThanOrEqual(ROTATION.maxBytes);
    }
    kept.forEach((text) => expect(text.endsWith('\n')).toBe(true));
    // Oldest file first: the kept lines are the last ones written, in order, each a complete JSON document.
    const keptLines = kept.join('').split('\n').filter(Boolean);
    expect(keptLines.map((line) => (JSON.parse(line) as { index: number }).index)).toEqual(
      lines.slice(-keptLines.length).map((_, offset) => lines.length - keptLines.length + offset),
    );
    expect(keptLines.length).toBeLessThan(lines.length);
  });

  it('appends to an existing file and counts its size (a restarted node continues the same file)', () => {
    const path = join(directory, 'service.log');
    const first = new RotatingLogFile(path, ROTATION);
    first.writeLine('x'.repeat(1_500));
    first.close();
    const second = new RotatingLogFile(path, ROTATION);
    second.writeLine('y'.repeat(600));
    second.close();
    expect(readFileSync(`${path}.1`, 'utf8')).toBe(`${'x'.repeat(1_500)}\n`);
    expect(readFileSync(path, 'utf8')).toBe(`${'y'.repeat(600)}\n`);
  });

  it("a supervised child's output goes to a rotated log file with logRotation", async () => {
    const path = join(directory, 'chatty.log');
    const script = `for (let i = 0; i < 400; i += 1) console.log(JSON.stringify({ level: 30, msg: 'tick', i })); console.log('done');`;
    const child = await startChild({
      name: 'chatty',
      command: process.execPath,
      args: ['-e', `${script} setInterval(() => undefined, 1000);`],
      readyLine: /^done$/,
      logFile: path,
      logRotation: ROTATION,
    });
    await child.stop();
    await child.logWritten;
    const files = filesOf(directory, 'chatty.log');
    expect(files).toEqual(['chatty.log', 'chatty.log.1', 'chatty.log.2', 'chatty.log.3']);
    const text = files.map((name) => readFileSync(join(directory, name), 'utf8')).join('');
    const jsonLines = text.split('\n').filter((line) => line.startsWith('{'));
    expect(jsonLines.length).toBeGreaterThan(0);
    jsonLines.forEach((line) => expect(JSON.parse(line)).toMatchObject({ msg: 'tick' }));
    expect(readFileSync(path, 'utf8')).toContain('done\n');
  });

  it('refuses a rotation that cannot bound anything', () => {
    expect(() => new RotatingLogFile(join(directory, 'x.log'), { maxBytes: 0, maxFiles: 1 })).toThrow(RangeError);
  });
});
