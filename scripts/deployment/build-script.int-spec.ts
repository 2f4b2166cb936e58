import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './deployment-files';

/** Every file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/** scripts/build.js: what the image's build stage runs to leave no TypeScript for run time. */
describe('scripts/build.js', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'taonode-build-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('compiles every app and lib to JavaScript, points each workspace main at it, and leaves tests out', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.js'), outDir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const files = filesUnder(outDir);
    expect(files.filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(files.filter((file) => /\.(spec|int-spec)\.js$/.test(file) || file.includes('/test/'))).toEqual([]);
    for (const kind of ['apps', 'libs']) {
      for (const name of readdirSync(join(REPO_ROOT, kind))) {
        if (!existsSync(join(REPO_ROOT, kind, name, 'package.json'))) {
          continue;
        }
        const manifest = JSON.parse(readFileSync(join(outDir, kind, name, 'package.json'), 'utf8')) as {
          main?: string;
        };
        const main = manifest.main ?? '';
        expect([kind, name, main.endsWith('.js')]).toEqual([kind, name, true]);
        // A main whose source exists is compiled (apps/cli names a src/index.ts it does not have).
        if (existsSync(join(REPO_ROOT, kind, name, main.replace(/\.js$/, '.ts')))) {
          expect([kind, name, existsSync(join(outDir, kind, name, main))]).toEqual([kind, name, true]);
        }
      }
    }
    // Data read beside the code is copied (the devnet's genesis).
    expect(existsSync(join(outDir, 'apps', 'devnet', 'genesis', 'dev.json'))).toBe(true);
  }, 120_000);
});
