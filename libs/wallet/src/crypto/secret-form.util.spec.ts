import * as fc from 'fast-check';
import { thrownBy } from '@taonode/testing';
import { ed25519SecretHex, schnorrkelSecretHex } from '../../test/vectors';
import { bytesToHex, hexToBytes } from './hex.util';
import { ed25519ToSchnorrkelSecret, schnorrkelToEd25519Secret } from './secret-form.util';

describe('secret key forms', () => {
  it('converts the vector ed25519-form secret to the keyfile (schnorrkel) form', () => {
    expect(bytesToHex(ed25519ToSchnorrkelSecret(hexToBytes(ed25519SecretHex, 'vector')))).toBe(schnorrkelSecretHex);
  });

  it('converts the vector keyfile (schnorrkel) form back to the ed25519 form', () => {
    expect(bytesToHex(schnorrkelToEd25519Secret(hexToBytes(schnorrkelSecretHex, 'vector')))).toBe(ed25519SecretHex);
  });

  it('round-trips every canonical scalar and keeps the nonce', () => {
    const canonicalScalar = fc.bigInt({ min: 0n, max: (1n << 252n) - 1n });
    fc.assert(
      fc.property(canonicalScalar, fc.uint8Array({ minLength: 32, maxLength: 32 }), (scalar, nonce) => {
        const secret = new Uint8Array(64);
        secret.set(Buffer.from(scalar.toString(16).padStart(64, '0'), 'hex').reverse(), 0);
        secret.set(nonce, 32);
        const ed = schnorrkelToEd25519Secret(secret);
        expect(bytesToHex(ed.subarray(32))).toBe(bytesToHex(nonce));
        expect(bytesToHex(ed25519ToSchnorrkelSecret(ed))).toBe(bytesToHex(secret));
      }),
    );
  });

  it('refuses an ed25519-form key where the schnorrkel form is required', () => {
    // The ed form is the scalar × 8, which is ≥ the group order for keys from seed expansion.
    expect(thrownBy(() => schnorrkelToEd25519Secret(hexToBytes(ed25519SecretHex, 'vector')))).toMatchObject({
      code: 'TAONODE_WALLET_INVALID_KEY',
    });
  });

  it('refuses secrets that are not 64 bytes', () => {
    expect(thrownBy(() => ed25519ToSchnorrkelSecret(new Uint8Array(32)))).toMatchObject({
      code: 'TAONODE_WALLET_INVALID_KEY',
    });
  });
});
