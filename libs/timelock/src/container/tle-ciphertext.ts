import { TimelockError } from '../timelock.error';

/**
 * `tle::tlock::TLECiphertext<TinyBLS381>` with its `AESOutput` body, field for field. The chain stores these
 * bytes in `TimelockedWeightCommits` and deserialises them with arkworks' `deserialize_compressed`.
 */
export interface TleCiphertext {
  /** `header.u`: r·G2, compressed (96 bytes). */
  readonly u: Uint8Array;
  /** `header.v`: sigma ⊕ H2(g_id^r). */
  readonly v: Uint8Array;
  /** `header.w`: esk ⊕ H4(sigma). */
  readonly w: Uint8Array;
  /** AES-256-GCM ciphertext followed by its 16-byte tag. */
  readonly aesCiphertext: Uint8Array;
  readonly nonce: Uint8Array;
  /** Never checked by `tld`; tle writes `AES_GCM_`. */
  readonly cipherSuite: Uint8Array;
}

/** `MAX_CRV3_COMMIT_SIZE_BYTES`: the chain's bound on a timelocked commit (`BoundedVec<u8, 5000>`). */
export const MAX_COMMIT_BYTES = 5000;
/** Container bytes around the plaintext: 96 (U) + 3·(8 + 32) header Vecs… = plaintext length + 244. */
export const CONTAINER_OVERHEAD_BYTES = 244;
/** The largest plaintext whose container still fits the chain's bound. */
export const MAX_PLAINTEXT_BYTES = MAX_COMMIT_BYTES - CONTAINER_OVERHEAD_BYTES;
export const CIPHER_SUITE_AES_GCM = Uint8Array.from(Buffer.from('AES_GCM_', 'ascii'));

const U_BYTES = 96;
/** arkworks writes a `Vec<T>` as a u64 little-endian element count followed by the elements. */
const LENGTH_PREFIX_BYTES = 8;

function lengthPrefixed(bytes: Uint8Array): Uint8Array[] {
  const prefix = Buffer.alloc(LENGTH_PREFIX_BYTES);
  prefix.writeBigUInt64LE(BigInt(bytes.length));
  return [prefix, bytes];
}

/** arkworks `serialize_compressed` of the container: fields in declaration order, Vecs length-prefixed. */
export function serializeTleCiphertext(ciphertext: TleCiphertext): Uint8Array {
  const body = Buffer.concat([...lengthPrefixed(ciphertext.aesCiphertext), ...lengthPrefixed(ciphertext.nonce)]);
  return Uint8Array.from(
    Buffer.concat([
      ciphertext.u,
      ...lengthPrefixed(ciphertext.v),
      ...lengthPrefixed(ciphertext.w),
      ...lengthPrefixed(body),
      ...lengthPrefixed(ciphertext.cipherSuite),
    ]),
  );
}

/** Reads arkworks' compressed encoding front to back; any shortfall is a malformed container. */
class ArkReader {
  #offset = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  take(length: number, field: string): Uint8Array {
    if (length > this.bytes.length - this.#offset) {
      throw new TimelockError(
        'TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT',
        `${this.what} is truncated: ${field} needs ${length} bytes, ${this.bytes.length - this.#offset} left`,
      );
    }
    const slice = this.bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return slice;
  }

  /** A `Vec<u8>`: the declared length is checked against what is left before anything is copied. */
  vec(field: string): Uint8Array {
    const prefix = Buffer.from(this.take(LENGTH_PREFIX_BYTES, `${field} length`));
    const length = prefix.readBigUInt64LE();
    if (length > BigInt(this.bytes.length - this.#offset)) {
      throw new TimelockError(
        'TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT',
        `${this.what} is truncated: ${field} declares ${length} bytes, ${this.bytes.length - this.#offset} left`,
      );
    }
    return this.take(Number(length), field);
  }
}

/**
 * Splits container bytes into their fields as the chain's `deserialize_compressed` reads them: every length
 * prefix honoured, a shortfall anywhere rejected, and — like the chain, which never checks that the reader is
 * exhausted — bytes after the last field ignored (also inside the body). Point validity is checked where the
 * point is used ({@link decryptTimelocked}), so this stays free of curve work.
 */
export function parseTleCiphertext(bytes: Uint8Array): TleCiphertext {
  if (bytes.length > MAX_COMMIT_BYTES) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_TOO_LARGE',
      `the ciphertext is ${bytes.length} bytes; the chain accepts at most ${MAX_COMMIT_BYTES}`,
    );
  }
  const reader = new ArkReader(bytes, 'the ciphertext');
  const u = reader.take(U_BYTES, 'header.u');
  const v = reader.vec('header.v');
  const w = reader.vec('header.w');
  const body = new ArkReader(reader.vec('body'), 'the ciphertext body');
  const cipherSuite = reader.vec('cipher_suite');
  const aesCiphertext = body.vec('body.ciphertext');
  const nonce = body.vec('body.nonce');
  return { u, v, w, aesCiphertext, nonce, cipherSuite };
}
