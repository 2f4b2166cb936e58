import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export type OracleRequest =
  | { op: 'tle'; identity: string; plaintext: string; esk: string; publicKey: string }
  | { op: 'tld'; ciphertext: string; signature: string };

export type OracleResult = { ok: true; hex: string } | { ok: false; error: string };

const SCRIPT = join(__dirname, 'tle-wasm-oracle-child.mjs');

/** Runs a batch of requests through the WASM build of Rust `tle` in a child Node process (one process per batch). */
export function runTleOracle(requests: readonly OracleRequest[]): OracleResult[] {
  const child = spawnSync(process.execPath, [SCRIPT], {
    input: JSON.stringify(requests),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (child.status !== 0) {
    throw new Error(`tle oracle exited with ${child.status ?? child.signal}: ${child.stderr}`);
  }
  return JSON.parse(child.stdout) as OracleResult[];
}
