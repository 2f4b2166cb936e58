import { compactToU8a } from '@polkadot/util';
import { TimelockError } from '../timelock.error';

/** The weights a timelocked commit carries, as `set_mechanism_weights` will receive them at reveal. */
export interface WeightsPayloadFields {
  readonly uids: readonly number[];
  /** u16 weights (the SDK's normalisation: largest 65535). */
  readonly values: readonly number[];
  readonly versionKey: bigint;
}

/**
 * A decoded commit plaintext. `v4` is `WeightsTlockPayload { hotkey, uids, values, version_key }` (what the chain
 * checks against the committer); `v3` is the legacy payload without a hotkey, which the chain still accepts.
 */
export type WeightsPayload =
  | (WeightsPayloadFields & { readonly format: 'v4'; readonly hotkey: Uint8Array })
  | (WeightsPayloadFields & { readonly format: 'v3' });

const ACCOUNT_ID_BYTES = 32;
const U16_MAX = 0xffff;
const U64_MAX = (1n << 64n) - 1n;

function checkFields(fields: WeightsPayloadFields): void {
  if (fields.uids.length !== fields.values.length) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_INVALID_ARGUMENT',
      `uids and values differ in length (${fields.uids.length} vs ${fields.values.length})`,
    );
  }
  for (const [name, list] of [
    ['uids', fields.uids],
    ['values', fields.values],
  ] as const) {
    if (list.some((value) => !Number.isInteger(value) || value < 0 || value > U16_MAX)) {
      throw new TimelockError('TAONODE_TIMELOCK_INVALID_ARGUMENT', `every entry of ${name} must be a u16`);
    }
  }
  if (fields.versionKey < 0n || fields.versionKey > U64_MAX) {
    throw new TimelockError('TAONODE_TIMELOCK_INVALID_ARGUMENT', 'version_key must be a u64');
  }
}

function u16Vec(values: readonly number[]): Buffer {
  const body = Buffer.alloc(values.length * 2);
  values.forEach((value, index) => body.writeUInt16LE(value, index * 2));
  return Buffer.concat([compactToU8a(values.length), body]);
}

function u64(value: bigint): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(value);
  return out;
}

/** SCALE of `WeightsTlockPayload` (v4): the signing hotkey's 32-byte public key, then the legacy fields. */
export function encodeWeightsPayload(fields: WeightsPayloadFields & { readonly hotkey: Uint8Array }): Uint8Array {
  checkFields(fields);
  if (fields.hotkey.length !== ACCOUNT_ID_BYTES) {
    throw new TimelockError('TAONODE_TIMELOCK_INVALID_ARGUMENT', 'the hotkey is a 32-byte public key');
  }
  return Uint8Array.from(
    Buffer.concat([
      compactToU8a(ACCOUNT_ID_BYTES),
      fields.hotkey,
      u16Vec(fields.uids),
      u16Vec(fields.values),
      u64(fields.versionKey),
    ]),
  );
}

/** SCALE of the legacy (v3) payload `{ uids, values, version_key }`, for runtimes with only `commit_crv3_weights`. */
export function encodeLegacyWeightsPayload(fields: WeightsPayloadFields): Uint8Array {
  checkFields(fields);
  return Uint8Array.from(Buffer.concat([u16Vec(fields.uids), u16Vec(fields.values), u64(fields.versionKey)]));
}

/** A forgiving SCALE cursor: `undefined` instead of throwing, as `Decode` returns `Err`. */
class ScaleCursor {
  offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /**
   * A Vec length, `Compact<u32>` as parity-scale-codec decodes it: canonical (shortest) form only, at most 32 bits;
   * anything else is a decode failure, as on chain.
   */
  private length(): number | undefined {
    const rest = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.offset, this.bytes.length - this.offset);
    const first = rest[0];
    if (first === undefined) {
      return undefined;
    }
    const [size, value, minimum] = ((): [number, number | undefined, number] => {
      switch (first & 0b11) {
        case 0b00:
          return [1, first >>> 2, 0];
        case 0b01:
          return [2, rest.length < 2 ? undefined : rest.readUInt16LE() >>> 2, 1 << 6];
        case 0b10:
          return [4, rest.length < 4 ? undefined : rest.readUInt32LE() >>> 2, 1 << 14];
        default:
          // Big-integer mode: only a 4-byte body fits a u32.
          return [5, first !== 0b11 || rest.length < 5 ? undefined : rest.readUInt32LE(1), 2 ** 30];
      }
    })();
    if (value === undefined || value < minimum) {
      return undefined;
    }
    this.offset += size;
    return value;
  }

  bytesVec(): Uint8Array | undefined {
    const length = this.length();
    if (length === undefined || length > this.bytes.length - this.offset) {
      return undefined;
    }
    const out = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  u16Vec(): number[] | undefined {
    const length = this.length();
    // Bounded before allocating: a hostile prefix cannot ask for more than the bytes left.
    if (length === undefined || length * 2 > this.bytes.length - this.offset) {
      return undefined;
    }
    const view = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.offset, length * 2);
    const out = Array.from({ length }, (_, index) => view.readUInt16LE(index * 2));
    this.offset += length * 2;
    return out;
  }

  u64(): bigint | undefined {
    if (this.bytes.length - this.offset < 8) {
      return undefined;
    }
    const value = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.offset, 8).readBigUInt64LE();
    this.offset += 8;
    return value;
  }
}

function legacyFields(cursor: ScaleCursor): WeightsPayloadFields | undefined {
  const uids = cursor.u16Vec();
  const values = uids === undefined ? undefined : cursor.u16Vec();
  const versionKey = values === undefined ? undefined : cursor.u64();
  return uids === undefined || values === undefined || versionKey === undefined
    ? undefined
    : { uids, values, versionKey };
}

/**
 * Decodes a commit plaintext as `reveal_commits.rs` does: `WeightsTlockPayload` first, whose hotkey must decode
 * as an AccountId (the first 32 bytes); if that fails, the legacy payload. Like the chain's `decode` (not
 * `decode_all`), trailing bytes are ignored.
 */
export function decodeWeightsPayload(plaintext: Uint8Array): WeightsPayload {
  const cursor = new ScaleCursor(plaintext);
  const hotkey = cursor.bytesVec();
  const fields = hotkey === undefined ? undefined : legacyFields(cursor);
  if (hotkey !== undefined && fields !== undefined && hotkey.length >= ACCOUNT_ID_BYTES) {
    return { format: 'v4', hotkey: hotkey.slice(0, ACCOUNT_ID_BYTES), ...fields };
  }
  const legacy = legacyFields(new ScaleCursor(plaintext));
  if (legacy === undefined) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_NOT_A_WEIGHTS_PAYLOAD',
      'the plaintext is neither a WeightsTlockPayload nor a legacy weights payload',
    );
  }
  return { format: 'v3', ...legacy };
}
