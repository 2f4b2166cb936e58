import { randomBytes, randomInt } from 'node:crypto';
import {
  decodeWeightsPayload,
  decryptTimelocked,
  DRAND_QUICKNET,
  encodeLegacyWeightsPayload,
  encodeWeightsPayload,
  encryptTimelocked,
  roundMessage,
  TestBeacon,
  TimelockError,
} from '../src';
import { hex, loadTimelockVectors, toHex } from './support/timelock-vectors';
import { runTleOracle, type OracleResult } from './support/tle-wasm-oracle';

// Cross-check against an independent implementation: the Rust `tle` crate (the chain's decryptor, arkworks 0.4.2)
// compiled to WASM in @ideallabs/timelock_wasm_wrapper 1.0.0. Random payloads each run, both directions.
const vectors = loadTimelockVectors();
const quicknetSignature = (round: number): Uint8Array => hex(vectors.constants.signatures[String(round)] ?? '');
const ROUNDS = [1000, 2000] as const;
const CASES = 6;

function randomPayload(): Uint8Array {
  const n = randomInt(0, 300);
  const uids = Array.from({ length: n }, () => randomInt(0, 65536));
  const values = Array.from({ length: n }, () => randomInt(0, 65536));
  const versionKey = randomBytes(8).readBigUInt64LE();
  return randomInt(0, 4) === 0
    ? encodeLegacyWeightsPayload({ uids, values, versionKey })
    : encodeWeightsPayload({ hotkey: randomBytes(32), uids, values, versionKey });
}

function opened(result: OracleResult | undefined): string {
  if (result?.ok !== true) {
    throw new Error(`the oracle failed: ${result === undefined ? 'no result' : result.error}`);
  }
  return result.hex;
}

describe('cross-check with the Rust tle crate (WASM, @ideallabs/timelock_wasm_wrapper 1.0.0)', () => {
  it('opens what we encrypt, with the round signature, and refuses the other round', () => {
    const cases = Array.from({ length: CASES }, (_, index) => {
      const round = ROUNDS[index % 2] ?? 1000;
      const plaintext = randomPayload();
      return { round, plaintext, commit: encryptTimelocked({ publicKey: DRAND_QUICKNET.publicKey, round, plaintext }) };
    });
    const results = runTleOracle(
      cases.flatMap(({ round, commit }) => [
        { op: 'tld' as const, ciphertext: toHex(commit), signature: toHex(quicknetSignature(round)) },
        {
          op: 'tld' as const,
          ciphertext: toHex(commit),
          signature: toHex(quicknetSignature(round === 1000 ? 2000 : 1000)),
        },
      ]),
    );
    cases.forEach(({ plaintext }, index) => {
      expect(opened(results[2 * index])).toBe(toHex(plaintext));
      expect(results[2 * index + 1]?.ok).toBe(false);
    });
  });

  it('opens what it encrypts, and decodes the weights payload inside', () => {
    const cases = Array.from({ length: CASES }, (_, index) => ({
      round: ROUNDS[index % 2] ?? 1000,
      plaintext: randomPayload(),
    }));
    const results = runTleOracle(
      cases.map(({ round, plaintext }) => ({
        op: 'tle' as const,
        identity: toHex(roundMessage(round)),
        plaintext: toHex(plaintext),
        esk: randomBytes(32).toString('hex'),
        publicKey: toHex(DRAND_QUICKNET.publicKey),
      })),
    );
    cases.forEach(({ round, plaintext }, index) => {
      const commit = hex(opened(results[index]));
      const decrypted = decryptTimelocked(commit, quicknetSignature(round));
      expect(toHex(decrypted)).toBe(toHex(plaintext));
      expect(decodeWeightsPayload(decrypted)).toEqual(decodeWeightsPayload(plaintext));
      expect(() => decryptTimelocked(commit, quicknetSignature(round === 1000 ? 2000 : 1000))).toThrow(TimelockError);
    });
  });

  it("interoperates on our test beacon's key and signatures (what an offline devnet would publish)", () => {
    // A leading 0x01 keeps the random scalar below the group order (0x73…).
    const beacon = new TestBeacon(Buffer.concat([Buffer.from([0x01]), randomBytes(31)]));
    const round = randomInt(1, 1_000_000);
    const ours = randomPayload();
    const theirs = randomPayload();
    const signature = toHex(beacon.signRound(round));
    const [openedOurs, sealedTheirs] = runTleOracle([
      {
        op: 'tld',
        ciphertext: toHex(encryptTimelocked({ publicKey: beacon.publicKey, round, plaintext: ours })),
        signature,
      },
      {
        op: 'tle',
        identity: toHex(roundMessage(round)),
        plaintext: toHex(theirs),
        esk: randomBytes(32).toString('hex'),
        publicKey: toHex(beacon.publicKey),
      },
    ]);
    expect(opened(openedOurs)).toBe(toHex(ours));
    expect(toHex(decryptTimelocked(hex(opened(sealedTheirs)), hex(signature)))).toBe(toHex(theirs));
  });
});
