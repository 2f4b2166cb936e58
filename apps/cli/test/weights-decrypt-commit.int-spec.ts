import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cleanEnv, REPO_ROOT, runCli, type CliResult } from './cli-process.helper';

// End to end: `node bin/taonode.js weights decrypt-commit …` on commits the Rust tle crate encrypted
// (libs/timelock's copy of the shared timelock vectors) with real drand quicknet signatures. Offline.
jest.setTimeout(120_000);

interface Vector {
  name: string;
  round: number;
  drand_signature_hex: string;
  ciphertext_hex: string;
}
const vectors = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'libs/timelock/test/fixtures/timelock-vectors.json'), 'utf8'),
) as { constants: { signatures: Record<string, string> }; vectors: Vector[] };

function kat(id: string): Vector {
  const found = vectors.vectors.find((entry) => entry.name.startsWith(`${id} `));
  if (found === undefined) {
    throw new Error(`no ${id}`);
  }
  return found;
}

const ALICE_SS58 = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const env = cleanEnv(tmpdir());
const decrypt = (...args: string[]): Promise<CliResult> => runCli(['weights', 'decrypt-commit', ...args], env);

function expectOneLineError(result: CliResult, code: string): void {
  expect(result.code).toBe(1);
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error: .*\\(${code}\\)$`, 'u'));
}

describe('taonode weights decrypt-commit', () => {
  const v4 = kat('KAT-2');

  it('prints the v4 payload: hotkey as ss58, uids, u16 values, version key', async () => {
    const result = await decrypt(
      '--ciphertext',
      `0x${v4.ciphertext_hex}`,
      '--signature',
      `0x${v4.drand_signature_hex}`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`hotkey:       ${ALICE_SS58}`);
    expect(result.stdout).toContain('version key:  1000000');
    expect(result.stdout).toMatch(/^\s+2\s+12345$/mu);
  });

  it('prints JSON with --json and checks the signature against --round', async () => {
    const result = await decrypt(
      '--ciphertext',
      v4.ciphertext_hex,
      '--signature',
      v4.drand_signature_hex,
      '--round',
      String(v4.round),
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      format: 'v4',
      round: 1000,
      hotkey: ALICE_SS58,
      hotkeyHex: '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
      uids: [0, 1, 2],
      values: [65535, 0, 12345],
      versionKey: '1000000',
    });
  });

  it('opens a legacy v3 commit (no hotkey)', async () => {
    const v3 = kat('KAT-3');
    const result = await decrypt('--ciphertext', v3.ciphertext_hex, '--signature', v3.drand_signature_hex, '--json');
    expect(JSON.parse(result.stdout)).toEqual({ format: 'v3', uids: [7, 9], values: [100, 200], versionKey: '42' });
  });

  it("fails in one line with another round's signature", async () => {
    const other = vectors.constants.signatures['2000'] ?? '';
    expectOneLineError(
      await decrypt('--ciphertext', v4.ciphertext_hex, '--signature', other),
      'TAONODE_TIMELOCK_WRONG_SIGNATURE',
    );
    expectOneLineError(
      await decrypt('--ciphertext', v4.ciphertext_hex, '--signature', other, '--round', '1000'),
      'TAONODE_TIMELOCK_INVALID_SIGNATURE',
    );
  });

  it('fails in one line on a truncated container, a non-weights plaintext and bad hex', async () => {
    expectOneLineError(
      await decrypt('--ciphertext', v4.ciphertext_hex.slice(0, 400), '--signature', v4.drand_signature_hex),
      'TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT',
    );
    const text = kat('KAT-0');
    expectOneLineError(
      await decrypt('--ciphertext', text.ciphertext_hex, '--signature', text.drand_signature_hex),
      'TAONODE_TIMELOCK_NOT_A_WEIGHTS_PAYLOAD',
    );
    const json = await decrypt('--ciphertext', '0xzz', '--signature', v4.drand_signature_hex, '--json');
    expectOneLineError(json, 'TAONODE_WALLET_INVALID_HEX');
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'TAONODE_WALLET_INVALID_HEX' } });
  });
});
