import { hex, loadTimelockVectors, toHex, vector } from '../../test/support/timelock-vectors';
import { TimelockError } from '../timelock.error';
import { decodeWeightsPayload, encodeLegacyWeightsPayload, encodeWeightsPayload } from './weights-payload';

const vectors = loadTimelockVectors();
const ALICE = hex('d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof TimelockError ? error.code : 'not a TimelockError';
  }
}

describe('WeightsTlockPayload SCALE codec', () => {
  it('encodes the v4 payload of KAT-2 byte for byte and decodes it back', () => {
    const fields = { hotkey: ALICE, uids: [0, 1, 2], values: [65535, 0, 12345], versionKey: 1_000_000n };
    const encoded = encodeWeightsPayload(fields);
    expect(toHex(encoded)).toBe(vector(vectors, 'KAT-2').plaintext_hex);
    expect(decodeWeightsPayload(encoded)).toEqual({ format: 'v4', ...fields });
  });

  it('encodes the legacy v3 payload of KAT-3 and decodes it as legacy (no hotkey)', () => {
    const fields = { uids: [7, 9], values: [100, 200], versionKey: 42n };
    const encoded = encodeLegacyWeightsPayload(fields);
    expect(toHex(encoded)).toBe(vector(vectors, 'KAT-3').plaintext_hex);
    expect(decodeWeightsPayload(encoded)).toEqual({ format: 'v3', ...fields });
  });

  it('ignores trailing bytes, as the chain decodes with decode and not decode_all', () => {
    const encoded = encodeWeightsPayload({ hotkey: ALICE, uids: [3], values: [9], versionKey: 0n });
    const decoded = decodeWeightsPayload(Uint8Array.from([...encoded, 1, 2, 3]));
    expect(decoded).toEqual({ format: 'v4', hotkey: ALICE, uids: [3], values: [9], versionKey: 0n });
  });

  it('encodes 256 uids in 45 + 4n bytes', () => {
    const uids = Array.from({ length: 256 }, (_, uid) => uid);
    expect(encodeWeightsPayload({ hotkey: ALICE, uids, values: uids, versionKey: 1n }).length).toBe(45 + 4 * 256);
  });

  it.each([
    ['text', Buffer.from('this is a test')],
    ['empty', new Uint8Array(0)],
    ['a huge compact length', Uint8Array.from([0x03, 0xff, 0xff, 0xff, 0xff])],
    ['a uids vector longer than the input', Uint8Array.from([0x10, 0x01, 0x00])],
    ['a non-canonical compact length', Uint8Array.from([0x01, 0x00, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['a compact length wider than u32', Uint8Array.from([0x07, 1, 0, 0, 0, 0, 1, 2, 3])],
  ])('refuses %s as not a weights payload', (_what, bytes) => {
    expect(codeOf(() => decodeWeightsPayload(Uint8Array.from(bytes)))).toBe('TAONODE_TIMELOCK_NOT_A_WEIGHTS_PAYLOAD');
  });

  it.each([
    ['unequal lengths', { uids: [1, 2], values: [1], versionKey: 0n }],
    ['a uid beyond u16', { uids: [65536], values: [1], versionKey: 0n }],
    ['a negative value', { uids: [1], values: [-1], versionKey: 0n }],
    ['a fractional value', { uids: [1], values: [0.5], versionKey: 0n }],
    ['a version key beyond u64', { uids: [1], values: [1], versionKey: 1n << 64n }],
  ])('refuses to encode %s', (_what, fields) => {
    expect(codeOf(() => encodeWeightsPayload({ hotkey: ALICE, ...fields }))).toBe('TAONODE_TIMELOCK_INVALID_ARGUMENT');
    expect(codeOf(() => encodeLegacyWeightsPayload(fields))).toBe('TAONODE_TIMELOCK_INVALID_ARGUMENT');
  });

  it('refuses a hotkey that is not 32 bytes', () => {
    expect(
      codeOf(() => encodeWeightsPayload({ hotkey: ALICE.subarray(1), uids: [], values: [], versionKey: 0n })),
    ).toBe('TAONODE_TIMELOCK_INVALID_ARGUMENT');
  });
});
