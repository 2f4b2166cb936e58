import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
const COMMITTED_GEN = join(WORKSPACE_ROOT, 'libs', 'proto', 'src', 'gen');
const BUF = join(WORKSPACE_ROOT, 'node_modules', '.bin', 'buf');

function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else {
        files.push(relative(root, path));
      }
    }
  };
  walk(root);
  return files.sort();
}

describe('libs/proto generated code', () => {
  let outDir: string;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'taonode-proto-'));
    // Same template as `npm run proto:generate`, written under a temporary base directory.
    execFileSync(BUF, ['generate', '--template', 'proto/buf.gen.yaml', '-o', outDir], { cwd: WORKSPACE_ROOT });
  });

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('matches a fresh `buf generate` of proto/ file for file (run `npm run proto:generate` after editing a .proto)', () => {
    const freshGen = join(outDir, 'libs', 'proto', 'src', 'gen');
    const committed = listFiles(COMMITTED_GEN);
    expect(listFiles(freshGen)).toEqual(committed);
    expect(committed.length).toBeGreaterThan(0);
    for (const file of committed) {
      expect({ file, text: readFileSync(join(freshGen, file), 'utf8') }).toEqual({
        file,
        text: readFileSync(join(COMMITTED_GEN, file), 'utf8'),
      });
    }
  });

  it('passes buf lint', () => {
    expect(() => execFileSync(BUF, ['lint', 'proto'], { cwd: WORKSPACE_ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
