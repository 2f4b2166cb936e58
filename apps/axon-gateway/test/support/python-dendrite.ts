import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SCRIPT = join(__dirname, 'python_dendrite.py');

/** One `dendrite.call` (or `call_stream`) for the Python dendrite to make. */
export interface PythonDendriteCall {
  /** The Python class name, which is also the route. */
  readonly synapse: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly axon: { readonly ip: string; readonly port: number; readonly hotkey: string };
  /** The dendrite's hotkey (ss58); the harness signs with the matching keypair. */
  readonly hotkey: string;
  readonly timeout?: number;
}

/** The synapse as the Python dendrite left it (nonces are read with JSON.parse, so above 2^53 they are rounded). */
export interface PythonSynapse {
  readonly dendrite: { readonly status_code: number | null; readonly status_message: string | null };
  readonly axon: { readonly status_code: number | null; readonly status_message: string | null };
  readonly [field: string]: unknown;
}

export interface PythonDendriteResult {
  readonly synapse: PythonSynapse;
  readonly deserialized: unknown;
  /** A streaming synapse's chunks, each as `process_streaming_response` decoded and yielded it. */
  readonly chunks: readonly string[];
  readonly is_success: boolean;
  /** The final synapse's dendrite nonce is exactly the one sent (Python ints are exact; the 200 body carries it). */
  readonly nonce_round_trip: boolean;
}

/** Signs `message` for call number `callIndex` with the keypair of `hotkey`; returns the `0x…` signature. */
export type PythonDendriteSigner = (callIndex: number, hotkey: string, message: string) => string;

/**
 * A Python 3 that imports aiohttp (the SDK dendrite's HTTP client): `TAONODE_PYTHON` if set, else `python3` on the
 * PATH, else Debian's `/usr/bin/python3` (where `apt-get install python3-aiohttp` puts it when pyenv shadows it).
 */
export function findPythonWithAiohttp(): string | undefined {
  const candidates = [process.env.TAONODE_PYTHON, 'python3', '/usr/bin/python3'];
  return candidates.find(
    (candidate) =>
      candidate !== undefined &&
      candidate !== '' &&
      spawnSync(candidate, ['-c', 'import aiohttp'], { stdio: 'ignore' }).status === 0,
  );
}

/** Runs `python_dendrite.py` on `calls` (all concurrently over one aiohttp session) and resolves with its results. */
export function runPythonDendrite(
  python: string,
  calls: readonly PythonDendriteCall[],
  sign: PythonDendriteSigner,
): Promise<PythonDendriteResult[]> {
  return new Promise((resolve, reject) => {
    // The hotkeys' secrets never leave this process: the script asks for each signature over its stdin/stdout.
    const child = spawn(python, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let results: PythonDendriteResult[] | undefined;
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString('utf8');
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const document = JSON.parse(line) as
        { id: number; call: number; hotkey: string; sign: string } | { results: PythonDendriteResult[] };
      if ('results' in document) {
        results = document.results;
        return;
      }
      child.stdin.write(
        `${JSON.stringify({ id: document.id, signature: sign(document.call, document.hotkey, document.sign) })}\n`,
      );
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && results !== undefined) {
        resolve(results);
      } else {
        reject(new Error(`python dendrite exited ${String(code)}:\n${stderr}`));
      }
    });
    child.stdin.write(`${JSON.stringify({ calls })}\n`);
  });
}
