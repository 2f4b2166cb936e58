import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project's shared test vectors live beside the repository, read-only: `<repo>/../shared/vectors`. */
const SHARED_VECTORS_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'vectors');
const BITTENSOR_VECTORS = 'bittensor-vectors.json';

/**
 * Path of a file of the shared vectors (`bittensor-vectors.json`, the captured `.http` requests, …). The
 * `TAONODE_VECTORS` environment variable, when set, names the `bittensor-vectors.json` to use instead.
 */
export function sharedVectorPath(name: string): string {
  const override = process.env.TAONODE_VECTORS;
  if (name === BITTENSOR_VECTORS && override !== undefined && override !== '') {
    return override;
  }
  return join(SHARED_VECTORS_DIR, name);
}

/** Raw text of a shared vectors file (for documents whose integers must not go through JSON.parse). */
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
