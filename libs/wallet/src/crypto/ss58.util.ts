import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { BITTENSOR_SS58_FORMAT } from '@taonode/protocol';
import { WalletError } from '../errors/wallet.error';
import { hexToBytes } from './hex.util';

/** SS58 prefix Bittensor uses for every address it prints; defined once, in `@taonode/protocol`. */
export { BITTENSOR_SS58_FORMAT };

const PUBLIC_KEY_LENGTH = 32;
const ADDRESS_LIKE = /^[1-9A-HJ-NP-Za-km-z]{1,64}$/u;

/**
 * The input as it may appear in an error message: only when it looks like an address. Anything else might be
 * a secret pasted into the wrong place (a mnemonic given as `--address`), so it is not echoed.
 */
function shownInput(value: string): string {
  return ADDRESS_LIKE.test(value) ? `"${value}"` : 'the given value';
}

/** `base58(prefix ‖ pubkey ‖ blake2b-512("SS58PRE" ‖ prefix ‖ pubkey)[0..2])`, prefix 42 by default. */
export function ss58Encode(publicKey: Uint8Array, ss58Format = BITTENSOR_SS58_FORMAT): string {
  if (publicKey.length !== PUBLIC_KEY_LENGTH) {
    throw new WalletError('TAONODE_WALLET_INVALID_KEY', `public key must be 32 bytes, got ${publicKey.length}`);
  }
  return encodeAddress(publicKey, ss58Format);
}

/**
 * Decodes an SS58 address of any prefix (checksum verified) to its 32-byte public key.
 * Hex strings are refused here on purpose: use {@link publicKeyFromAddressOrHex} where both are allowed.
 */
export function ss58Decode(address: string): Uint8Array {
  if (address.startsWith('0x')) {
    throw new WalletError('TAONODE_WALLET_INVALID_ADDRESS', 'a 0x-hex value is not an SS58 address');
  }
  let publicKey: Uint8Array;
  try {
    publicKey = decodeAddress(address);
  } catch (error) {
    throw new WalletError('TAONODE_WALLET_INVALID_ADDRESS', `${shownInput(address)} is not a valid SS58 address`, {
      cause: error,
    });
  }
  if (publicKey.length !== PUBLIC_KEY_LENGTH) {
    throw new WalletError(
      'TAONODE_WALLET_INVALID_ADDRESS',
      `${shownInput(address)} is not an SS58 account address (32-byte key)`,
    );
  }
  return publicKey;
}

/** True when `address` decodes as an SS58 account address of any prefix. */
export function isValidSs58Address(address: string): boolean {
  try {
    ss58Decode(address);
    return true;
  } catch (error) {
    if (error instanceof WalletError) {
      return false;
    }
    throw error;
  }
}

/** Accepts an SS58 address (any prefix) or a `0x`-hex 32-byte public key, returns the public key. */
export function publicKeyFromAddressOrHex(value: string): Uint8Array {
  if (!value.startsWith('0x')) {
    return ss58Decode(value);
  }
  const publicKey = hexToBytes(value, 'public key');
  if (publicKey.length !== PUBLIC_KEY_LENGTH) {
    throw new WalletError('TAONODE_WALLET_INVALID_KEY', `public key must be 32 bytes, got ${publicKey.length}`);
  }
  return publicKey;
}
