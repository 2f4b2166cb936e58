import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One known-answer vector of `fixtures/timelock-vectors.json` (the fields the specs read). */
export interface TimelockVector {
  readonly name: string;
  readonly round: number;
  readonly drand_signature_hex: string;
  readonly identity_message_hex: string;
  readonly identity_point_G1_compressed_hex: string;
  readonly esk_hex: string;
  readonly sigma_hex: string;
  readonly r_scalar_hex_BE: string;
  readonly U_G2_compressed_hex: string;
  readonly gid_arkworks_576B_sha256_hex: string;
  readonly V_hex: string;
  readonly W_hex: string;
  readonly aes_nonce_hex: string;
  readonly aes_ciphertext_with_tag_hex: string;
  readonly plaintext_hex: string;
  readonly ciphertext_hex: string;
  readonly ciphertext_len: number;
}

export interface TimelockVectors {
  readonly constants: {
    readonly drand_quicknet_public_key_G2_hex: string;
    readonly signatures: Readonly<Record<string, string>>;
    readonly randomness_round_1000_sha256_of_sig: string;
    readonly invalid_signature_not_on_curve: string;
  };
  readonly vectors: readonly TimelockVector[];
}

export const TIMELOCK_VECTORS_PATH = join(__dirname, '..', 'fixtures', 'timelock-vectors.json');

export function loadTimelockVectors(): TimelockVectors {
  return JSON.parse(readFileSync(TIMELOCK_VECTORS_PATH, 'utf8')) as TimelockVectors;
}

export function hex(value: string): Uint8Array {
  return Uint8Array.from(Buffer.from(value.replace(/^0x/, ''), 'hex'));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** The vector named `KAT-<n> …`. */
export function vector(vectors: TimelockVectors, id: string): TimelockVector {
  const found = vectors.vectors.find((candidate) => candidate.name.startsWith(`${id} `));
  if (found === undefined) {
    throw new Error(`no vector ${id} in ${TIMELOCK_VECTORS_PATH}`);
  }
  return found;
}

/** A random source that hands out the given chunks in order, as the encryptor asks for them. */
export function scriptedRandom(...chunks: Uint8Array[]): (length: number) => Uint8Array {
  const queue = [...chunks];
  return (length) => {
    const next = queue.shift();
    if (next?.length !== length) {
      throw new Error(`scripted random: asked for ${length} bytes, next chunk is ${next?.length ?? 'missing'}`);
    }
    return next;
  };
}
