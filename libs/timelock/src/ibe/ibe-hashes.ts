import { createHash } from 'node:crypto';
import { bls12_381 } from '@noble/curves/bls12-381';

export function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
  }
  return Uint8Array.from(hash.digest());
}

/** H3(sigma, esk): sha256(sigma ‖ esk) read big-endian and reduced mod the group order (`from_be_bytes_mod_order`). */
export function h3(sigma: Uint8Array, esk: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(sha256(sigma, esk)).toString('hex')}`) % bls12_381.params.r;
}

/** Byte-wise XOR of two equal-length arrays (tle's `cross_product_32`). */
export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let index = 0; index < a.length; index += 1) {
    out[index] = (a[index] ?? 0) ^ (b[index] ?? 0);
  }
  return out;
}
