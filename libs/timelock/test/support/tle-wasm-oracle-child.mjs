// The independent implementation the specs compare against: the Rust `tle` crate compiled to WASM
// (@ideallabs/timelock_wasm_wrapper 1.0.0, arkworks 0.4.2). It is an ES module that loads a .wasm file, which
// jest's CommonJS runtime cannot import, so the specs run this script as a child process.
// stdin: a JSON array of requests; stdout: a JSON array of results in the same order.
//   { op: 'tle', identity, plaintext, esk, publicKey } -> { ok: true, hex } (hex strings in, hex out)
//   { op: 'tld', ciphertext, signature }               -> { ok: true, hex } | { ok: false, error }
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const entry = require.resolve('@ideallabs/timelock_wasm_wrapper');
const wrapper = await import(pathToFileURL(entry).href);
wrapper.initSync({ module: readFileSync(join(dirname(entry), 'timelock_wasm_wrapper_bg.wasm')) });

const bytes = (hex) => Uint8Array.from(Buffer.from(hex, 'hex'));
const toHex = (value) => Buffer.from(Uint8Array.from(value)).toString('hex');

function run(request) {
  try {
    switch (request.op) {
      case 'tle':
        return {
          ok: true,
          hex: toHex(
            wrapper.tle(
              bytes(request.identity),
              bytes(request.plaintext),
              bytes(request.esk),
              bytes(request.publicKey),
              'bls12_381',
            ),
          ),
        };
      case 'tld':
        return { ok: true, hex: toHex(wrapper.tld(bytes(request.ciphertext), bytes(request.signature), 'bls12_381')) };
      default:
        return { ok: false, error: `unknown op ${request.op}` };
    }
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
process.stdout.write(JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')).map(run)));
