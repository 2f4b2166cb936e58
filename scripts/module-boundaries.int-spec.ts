import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..');
const ESLINT = join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
/** A type:util lib importing a type:data-access lib; ignored by ESLint and Nx unless asked for. */
const FORBIDDEN_IMPORT = 'libs/config/test/fixtures/module-boundaries/forbidden-import.ts';

describe('module boundaries', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'taonode-nx-cache-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('are enforced by a plain eslint run with no Nx cache (as an editor or a hook starts it)', () => {
    const result = spawnSync(process.execPath, [ESLINT, '--no-ignore', '--format', 'json', FORBIDDEN_IMPORT], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        NX_WORKSPACE_DATA_DIRECTORY: join(scratch, 'workspace-data'),
        NX_CACHE_DIRECTORY: join(scratch, 'cache'),
        NX_DAEMON: 'false',
      },
    });
    expect(result.stdout).not.toContain('No cached ProjectGraph');
    expect(result.status).toBe(1);
    const [report] = JSON.parse(result.stdout) as {
      messages: { ruleId: string; severity: number; message: string }[];
    }[];
    expect(report?.messages).toEqual([
      expect.objectContaining({
        ruleId: '@nx/enforce-module-boundaries',
        severity: 2,
        message: expect.stringContaining(
          'A project tagged with "type:util" can only depend on libs tagged with "type:util", "type:testing"',
        ) as unknown,
      }),
    ]);
  }, 120_000);
});
