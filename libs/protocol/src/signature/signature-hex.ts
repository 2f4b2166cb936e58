import { NotVerifiedError } from '../errors/verification-errors';
import { MAX_SIGNATURE_HEADER_LENGTH } from '../limits/input-limits';

function malformed(reason: string): NotVerifiedError {
  return new NotVerifiedError('TAONODE_PROTOCOL_SIGNATURE_MALFORMED', reason);
}

/**
 * Decodes `bt_header_dendrite_signature` with btwallet's rules: a string must start with `0x` (every leading
 * `0x` is stripped, like Rust's `trim_start_matches`), the rest must be hex of exactly 64 bytes. Errors carry
 * btwallet's texts ("Invalid signature format. Expected hex string.", "Invalid hex string: OddLength",
 * "Invalid signature"). Text over {@link MAX_SIGNATURE_HEADER_LENGTH} is "Invalid signature" before any decoding.
 */
export function decodeSignatureHex(signature: string): Uint8Array {
  if (signature.length > MAX_SIGNATURE_HEADER_LENGTH) {
    throw malformed('Invalid signature');
  }
  if (!signature.startsWith('0x')) {
    throw malformed('Invalid signature format. Expected hex string.');
  }
  let hex = signature;
  while (hex.startsWith('0x')) {
    hex = hex.slice(2);
  }
  if (hex.length % 2 !== 0) {
    throw malformed('Invalid hex string: OddLength');
  }
  const badAt = hex.search(/[^0-9a-fA-F]/);
  if (badAt >= 0) {
    throw malformed(`Invalid hex string: InvalidHexCharacter { c: '${hex.charAt(badAt)}', index: ${badAt} }`);
  }
  if (hex.length !== 128) {
    throw malformed('Invalid signature');
  }
  return Buffer.from(hex, 'hex');
}
