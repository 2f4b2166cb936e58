import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The vectors ship with the repository (`libs/testing/fixtures/vectors`, see its README for where each came from),
 * so a clone with nothing beside it runs every spec.
 */
const VECTORS_DIR = join(__dirname, '..', 'fixtures', 'vectors');
const BITTENSOR_VECTORS = 'bittensor-vectors.json';

/**
 * Path of a vectors file (`bittensor-vectors.json`, the captured `.http` requests, `timelock-vectors.json`). The
 * `TAONODE_VECTORS` environment variable, when set, names the `bittensor-vectors.json` to use instead.
 */
export function sharedVectorPath(name: string): string {
  const override = process.env.TAONODE_VECTORS;
  if (name === BITTENSOR_VECTORS && override !== undefined && override !== '') {
    return override;
  }
  return join(VECTORS_DIR, name);
}

/** Raw text of a vectors file (for documents whose integers must not go through JSON.parse). */
export function readVectorFile(name: string): string {
  return readFileSync(sharedVectorPath(name), 'utf8');
}

/**
 * `bittensor-vectors.json` (the SDK-generated vectors), parsed with JSON.parse. `T` describes the parts the
 * caller reads; nothing checks it, as with any JSON fixture.
 */
export function loadBittensorVectors<T>(): T {
  return JSON.parse(readVectorFile(BITTENSOR_VECTORS)) as T;
}
