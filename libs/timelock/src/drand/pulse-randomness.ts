import { createHash } from 'node:crypto';

/** A pulse's `randomness`: sha256 of its signature bytes. */
export function pulseRandomness(signature: Uint8Array): Uint8Array {
  return Uint8Array.from(createHash('sha256').update(signature).digest());
}
