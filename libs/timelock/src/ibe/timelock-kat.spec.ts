import { createHash } from 'node:crypto';
import { bls12_381 } from '@noble/curves/bls12-381';
import { hex, loadTimelockVectors, scriptedRandom, toHex, vector } from '../../test/support/timelock-vectors';
import { CONTAINER_OVERHEAD_BYTES, MAX_COMMIT_BYTES, parseTleCiphertext } from '../container/tle-ciphertext';
import { gtToArkworksBytes, roundIdentity } from '../drand/bls-points';
import { DRAND_QUICKNET, roundMessage } from '../drand/drand-beacon';
import { TimelockError, type TimelockErrorCode } from '../timelock.error';
import { h3 } from './ibe-hashes';
import { decryptTimelocked } from './timelock-decrypt';
import { encryptTimelocked, sealTimelocked } from './timelock-encrypt';

const vectors = loadTimelockVectors();
const KATS = vectors.vectors.map((entry) => [entry.name.split(' ')[0] ?? entry.name, entry] as const);
const signatureOf = (round: number): Uint8Array => hex(vectors.constants.signatures[String(round)] ?? '');
const otherRound = (round: number): number => (round === 1000 ? 2000 : 1000);

function codeOf(run: () => unknown): TimelockErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof TimelockError) {
      return error.code;
    }
    throw error;
  }
}

describe('timelock known answers (tle on arkworks 0.4.2, timelock-vectors.json)', () => {
  it('uses the quicknet key the vectors were made with', () => {
    expect(toHex(DRAND_QUICKNET.publicKey)).toBe(vectors.constants.drand_quicknet_public_key_G2_hex);
  });

  describe.each(KATS)('%s', (_id, kat) => {
    it('derives the identity message and point of the round', () => {
      expect(toHex(roundMessage(kat.round))).toBe(kat.identity_message_hex);
      expect(toHex(roundIdentity(kat.round).toBytes(true))).toBe(kat.identity_point_G1_compressed_hex);
    });

    it('derives r, U and the H2 input (arkworks GT bytes) from sigma and esk', () => {
      const r = h3(hex(kat.sigma_hex), hex(kat.esk_hex));
      expect(r.toString(16).padStart(64, '0')).toBe(kat.r_scalar_hex_BE);
      expect(toHex(bls12_381.G2.Point.BASE.multiply(r).toBytes(true))).toBe(kat.U_G2_compressed_hex);
      const publicKey = bls12_381.G2.Point.fromBytes(DRAND_QUICKNET.publicKey);
      const gId = bls12_381.pairing(roundIdentity(kat.round), publicKey.multiply(r));
      const digest = createHash('sha256').update(gtToArkworksBytes(gId)).digest('hex');
      expect(digest).toBe(kat.gid_arkworks_576B_sha256_hex);
    });

    it('writes the same bytes as tle given the same secrets', () => {
      const request = { publicKey: DRAND_QUICKNET.publicKey, round: kat.round, plaintext: hex(kat.plaintext_hex) };
      const secrets = { esk: hex(kat.esk_hex), sigma: hex(kat.sigma_hex), nonce: hex(kat.aes_nonce_hex) };
      const sealed = sealTimelocked(request, secrets);
      expect(toHex(sealed)).toBe(kat.ciphertext_hex);
      expect(sealed.length).toBe(kat.ciphertext_len);
      expect(sealed.length).toBe(hex(kat.plaintext_hex).length + CONTAINER_OVERHEAD_BYTES);
      // The injected-randomness path draws esk, sigma, nonce in that order and lands on the same bytes.
      const drawn = encryptTimelocked(request, scriptedRandom(secrets.esk, secrets.sigma, secrets.nonce));
      expect(toHex(drawn)).toBe(kat.ciphertext_hex);
    });

    it('splits the container into the fields tle wrote', () => {
      const fields = parseTleCiphertext(hex(kat.ciphertext_hex));
      expect(toHex(fields.u)).toBe(kat.U_G2_compressed_hex);
      expect(toHex(fields.v)).toBe(kat.V_hex);
      expect(toHex(fields.w)).toBe(kat.W_hex);
      expect(toHex(fields.nonce)).toBe(kat.aes_nonce_hex);
      expect(toHex(fields.aesCiphertext)).toBe(kat.aes_ciphertext_with_tag_hex);
      expect(Buffer.from(fields.cipherSuite).toString('ascii')).toBe('AES_GCM_');
    });

    it("opens tle's ciphertext with the round's signature", () => {
      expect(toHex(decryptTimelocked(hex(kat.ciphertext_hex), hex(kat.drand_signature_hex)))).toBe(kat.plaintext_hex);
    });

    it("refuses another round's signature", () => {
      expect(codeOf(() => decryptTimelocked(hex(kat.ciphertext_hex), signatureOf(otherRound(kat.round))))).toBe(
        'TAONODE_TIMELOCK_WRONG_SIGNATURE',
      );
    });
  });
});

describe('decryptTimelocked: what the chain accepts and refuses', () => {
  const kat = vector(vectors, 'KAT-2');
  const ciphertext = hex(kat.ciphertext_hex);
  const signature = hex(kat.drand_signature_hex);

  it('ignores bytes after the container, as deserialize_compressed does', () => {
    const padded = Uint8Array.from([...ciphertext, 0xde, 0xad, 0xbe, 0xef]);
    expect(toHex(decryptTimelocked(padded, signature))).toBe(kat.plaintext_hex);
  });

  it.each([1, 8, 96, 100, 150, 200, ciphertext.length - 1])('refuses the container cut to %i bytes', (length) => {
    expect(codeOf(() => decryptTimelocked(ciphertext.subarray(0, length), signature))).toBe(
      'TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT',
    );
  });

  it('refuses a length prefix larger than the bytes that follow, before reading it', () => {
    const forged = Uint8Array.from(ciphertext);
    Buffer.from(forged.buffer).writeBigUInt64LE(1n << 62n, 176);
    expect(codeOf(() => decryptTimelocked(forged, signature))).toBe('TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT');
  });

  it('refuses a ciphertext over the 5000-byte bound before any curve work', () => {
    const oversized = new Uint8Array(MAX_COMMIT_BYTES + 1);
    // Byte 0 is not even a compressed point: only the size check can have produced this code.
    expect(codeOf(() => decryptTimelocked(oversized, signature))).toBe('TAONODE_TIMELOCK_TOO_LARGE');
  });

  it('refuses a U that is not a G2 point', () => {
    const forged = Uint8Array.from(ciphertext);
    forged.fill(0xff, 0, 96);
    expect(codeOf(() => decryptTimelocked(forged, signature))).toBe('TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT');
  });

  it('refuses a signature that is not a G1 point, and one of the wrong size', () => {
    expect(codeOf(() => decryptTimelocked(ciphertext, hex(vectors.constants.invalid_signature_not_on_curve)))).toBe(
      'TAONODE_TIMELOCK_INVALID_SIGNATURE',
    );
    expect(codeOf(() => decryptTimelocked(ciphertext, signature.subarray(0, 47)))).toBe(
      'TAONODE_TIMELOCK_INVALID_SIGNATURE',
    );
  });

  it('refuses the point at infinity as a signature', () => {
    const infinity = new Uint8Array(48);
    infinity[0] = 0xc0;
    expect(codeOf(() => decryptTimelocked(ciphertext, infinity))).toBe('TAONODE_TIMELOCK_WRONG_SIGNATURE');
  });

  it('refuses a nonce that is not 12 bytes (tle BadNonce)', () => {
    const fields = parseTleCiphertext(ciphertext);
    const body = Buffer.concat([lengthPrefixed(fields.aesCiphertext), lengthPrefixed(fields.nonce.subarray(0, 11))]);
    const forged = Buffer.concat([
      fields.u,
      lengthPrefixed(fields.v),
      lengthPrefixed(fields.w),
      lengthPrefixed(body),
      lengthPrefixed(fields.cipherSuite),
    ]);
    expect(codeOf(() => decryptTimelocked(forged, signature))).toBe('TAONODE_TIMELOCK_BAD_NONCE');
  });

  it('refuses an altered AES body (tag mismatch)', () => {
    const forged = Uint8Array.from(ciphertext);
    forged[192] = (forged[192] ?? 0) ^ 1;
    expect(codeOf(() => decryptTimelocked(forged, signature))).toBe('TAONODE_TIMELOCK_DECRYPTION_FAILED');
  });

  it('does not check cipher_suite, like tld', () => {
    const forged = Uint8Array.from(ciphertext);
    forged.fill(0x41, forged.length - 8);
    expect(toHex(decryptTimelocked(forged, signature))).toBe(kat.plaintext_hex);
  });
});

describe('encryptTimelocked', () => {
  const plaintext = hex(vector(vectors, 'KAT-2').plaintext_hex);
  const request = { publicKey: DRAND_QUICKNET.publicKey, round: 1000, plaintext };

  it('draws fresh secrets each time: two commits of the same weights differ and both open', () => {
    const first = encryptTimelocked(request);
    const second = encryptTimelocked(request);
    expect(toHex(first)).not.toBe(toHex(second));
    expect(parseTleCiphertext(first).w).not.toEqual(parseTleCiphertext(second).w);
    for (const commit of [first, second]) {
      expect(toHex(decryptTimelocked(commit, signatureOf(1000)))).toBe(toHex(plaintext));
    }
  });

  it('refuses a plaintext whose commit would exceed the chain bound, and round 0', () => {
    const tooLong = new Uint8Array(MAX_COMMIT_BYTES - CONTAINER_OVERHEAD_BYTES + 1);
    expect(codeOf(() => encryptTimelocked({ ...request, plaintext: tooLong }))).toBe('TAONODE_TIMELOCK_TOO_LARGE');
    const longest = encryptTimelocked({ ...request, plaintext: tooLong.subarray(1) });
    expect(longest.length).toBe(MAX_COMMIT_BYTES);
    expect(codeOf(() => encryptTimelocked({ ...request, round: 0 }))).toBe('TAONODE_TIMELOCK_INVALID_ARGUMENT');
  });

  it('refuses a public key that is not a G2 point', () => {
    expect(codeOf(() => encryptTimelocked({ ...request, publicKey: new Uint8Array(96) }))).toBe(
      'TAONODE_TIMELOCK_INVALID_PUBLIC_KEY',
    );
  });
});

function lengthPrefixed(bytes: Uint8Array): Buffer {
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(bytes.length));
  return Buffer.concat([prefix, bytes]);
}
