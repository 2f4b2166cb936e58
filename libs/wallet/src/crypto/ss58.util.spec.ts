import { base58Decode, blake2AsU8a, encodeAddress } from '@polkadot/util-crypto';
import { thrownBy } from '@taonode/testing';
import { keyVectors } from '../../test/vectors';
import { bytesToHex, hexToBytes } from './hex.util';
import { isValidSs58Address, publicKeyFromAddressOrHex, ss58Decode, ss58Encode } from './ss58.util';

describe('ss58', () => {
  const publicKey = hexToBytes(keyVectors.ss58_checksum.pubkey, 'vector');

  it('encodes the vector public key with prefix 42', () => {
    expect(ss58Encode(publicKey)).toBe(keyVectors.ss58_checksum.address);
  });

  it('carries prefix 0x2a, the key and the first two bytes of blake2b-512("SS58PRE" ‖ prefix ‖ key)', () => {
    const raw = base58Decode(ss58Encode(publicKey));
    expect(raw[0]).toBe(keyVectors.ss58_checksum.prefix);
    expect(bytesToHex(raw.subarray(1, 33))).toBe(keyVectors.ss58_checksum.pubkey);
    const preimage = new Uint8Array([...Buffer.from('SS58PRE'), 0x2a, ...publicKey]);
    const checksum = blake2AsU8a(preimage, 512).subarray(0, 2);
    expect(bytesToHex(raw.subarray(33))).toBe(bytesToHex(checksum));
    expect(bytesToHex(checksum)).toBe(keyVectors.ss58_checksum.checksum_first2);
  });

  it('decodes addresses of other prefixes to the same key', () => {
    const polkadotAddress = encodeAddress(publicKey, 0);
    expect(polkadotAddress).not.toBe(keyVectors.ss58_checksum.address);
    expect(bytesToHex(ss58Decode(polkadotAddress))).toBe(keyVectors.ss58_checksum.pubkey);
  });

  it('rejects a corrupted checksum', () => {
    const address = keyVectors.ss58_checksum.address;
    const corrupted = `${address.slice(0, -1)}${address.endsWith('V') ? 'W' : 'V'}`;
    expect(isValidSs58Address(corrupted)).toBe(false);
    expect(thrownBy(() => ss58Decode(corrupted))).toMatchObject({ code: 'TAONODE_WALLET_INVALID_ADDRESS' });
  });

  it('does not echo inputs that do not look like addresses (they may be secrets)', () => {
    const error = thrownBy(() => ss58Decode('bottom drive obey lake'));
    expect(error).toMatchObject({ code: 'TAONODE_WALLET_INVALID_ADDRESS' });
    expect(String(error)).not.toContain('bottom');
  });

  it('accepts 0x public keys only where hex is allowed', () => {
    expect(bytesToHex(publicKeyFromAddressOrHex(keyVectors.public_key))).toBe(keyVectors.public_key);
    expect(thrownBy(() => ss58Decode(keyVectors.public_key))).toMatchObject({ code: 'TAONODE_WALLET_INVALID_ADDRESS' });
    expect(thrownBy(() => publicKeyFromAddressOrHex('0x1234'))).toMatchObject({ code: 'TAONODE_WALLET_INVALID_KEY' });
  });
});
