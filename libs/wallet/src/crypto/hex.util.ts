import { WalletError } from '../errors/wallet.error';

const HEX_DIGITS = /^[0-9a-fA-F]*$/;

/**
 * Strict hex decoding: optional `0x` prefix, even length, hex digits only.
 * `what` names the value in the error message (never the value itself: it may be a secret).
 */
export function hexToBytes(value: string, what: string): Uint8Array {
  const digits = value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value;
  if (digits.length % 2 !== 0 || !HEX_DIGITS.test(digits)) {
    throw new WalletError('TAONODE_WALLET_INVALID_HEX', `${what} is not a valid hex string`);
  }
  return Uint8Array.from(Buffer.from(digits, 'hex'));
}

/** Lowercase `0x`-prefixed hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}
