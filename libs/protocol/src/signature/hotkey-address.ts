import { base58Decode, checkAddressChecksum } from '@polkadot/util-crypto';
import { NotVerifiedError } from '../errors/verification-errors';
import { MAX_SS58_ADDRESS_LENGTH } from '../limits/input-limits';
import { BITTENSOR_SS58_FORMAT } from './signer';

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;
const CACHE_LIMIT = 4096;
const cache = new Map<string, Uint8Array>();

function invalid(reason: string): NotVerifiedError {
  return new NotVerifiedError('TAONODE_PROTOCOL_HOTKEY_INVALID', `Invalid SS58 address: ${reason}`);
}

function decode(address: string): Uint8Array {
  // Reasons follow sp_core's `PublicError` texts, which btwallet prints after "Invalid SS58 address: ".
  if (!BASE58.test(address)) {
    throw invalid('Base 58 requirement is violated');
  }
  // Bounded before decoding: base58 decoding is quadratic in the text's length, and a header can be 16 KB long.
  if (address.length > MAX_SS58_ADDRESS_LENGTH) {
    throw invalid('Length is bad');
  }
  const decoded = base58Decode(address);
  if (decoded.length < 2) {
    throw invalid('Length is bad');
  }
  const prefixLength = (decoded[0] ?? 0) & 0b0100_0000 ? 2 : 1;
  if ((decoded[0] ?? 0) >= 128) {
    throw invalid('Invalid SS58 prefix byte.');
  }
  if (decoded.length !== prefixLength + 32 + 2) {
    throw invalid('Length is bad');
  }
  const [checksumValid, , , format] = checkAddressChecksum(decoded);
  if (!checksumValid) {
    throw invalid('Invalid checksum');
  }
  // taonode accepts only Bittensor's format 42 (what every Python dendrite sends); the SDK would also accept
  // other registered formats, which would give one key several nonce-store identities.
  if (format !== BITTENSOR_SS58_FORMAT) {
    throw invalid(`Unknown ss58 address format \`${format}\``);
  }
  return decoded.slice(prefixLength, prefixLength + 32);
}

/**
 * The 32-byte public key behind a dendrite hotkey header, as btwallet's `Keypair(ss58_address=…)` reads it.
 * Throws {@link NotVerifiedError}: "No SS58 formatted address or public key provided." when absent,
 * "Invalid SS58 address: …" when malformed. Successful decodes are cached (bounded).
 */
export function hotkeyPublicKey(address: string | null): Uint8Array {
  if (address === null) {
    throw new NotVerifiedError('TAONODE_PROTOCOL_HOTKEY_MISSING', 'No SS58 formatted address or public key provided.');
  }
  const cached = cache.get(address);
  if (cached !== undefined) {
    return cached;
  }
  const publicKey = decode(address);
  if (cache.size >= CACHE_LIMIT) {
    cache.clear();
  }
  cache.set(address, publicKey);
  return publicKey;
}
