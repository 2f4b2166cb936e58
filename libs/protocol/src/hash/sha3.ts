import * as crypto from 'node:crypto';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ANY_SURROGATE = /[\ud800-\udfff]/;

/** True when the string can be UTF-8 encoded strictly (no lone surrogates) — Python's `str.encode()` succeeds. */
export function isUtf8Encodable(text: string): boolean {
  return !ANY_SURROGATE.test(text) || !LONE_SURROGATE.test(text);
}

type OneShotHash = (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string;

/** `crypto.hash` (Node ≥ 20.12) hashes without allocating a Hash object — twice as fast for short inputs. */
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

/** SHA3-256 (FIPS 202) of the UTF-8 bytes of `text`, lowercase hex without `0x` (the SDK's `get_hash`). */
export function sha3Hex(text: string | Uint8Array): string {
  return oneShot === undefined
    ? crypto.createHash('sha3-256').update(text).digest('hex')
    : oneShot('sha3-256', text, 'hex');
}
