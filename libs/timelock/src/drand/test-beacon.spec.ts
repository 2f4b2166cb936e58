import { hex, loadTimelockVectors, toHex } from '../../test/support/timelock-vectors';
import { decryptTimelocked } from '../ibe/timelock-decrypt';
import { encryptTimelocked } from '../ibe/timelock-encrypt';
import { TimelockError } from '../timelock.error';
import { DRAND_QUICKNET, roundAtTime } from './drand-beacon';
import { pulseRandomness } from './pulse-randomness';
import { TestBeacon, verifyPulse } from './test-beacon';

const vectors = loadTimelockVectors();
const quicknetSignature = (round: number): Uint8Array => hex(vectors.constants.signatures[String(round)] ?? '');

describe('drand pulses', () => {
  it.each([1000, 2000])("verifies quicknet's real signature of round %i and refuses it for another round", (round) => {
    expect(verifyPulse(DRAND_QUICKNET.publicKey, round, quicknetSignature(round))).toBe(true);
    expect(verifyPulse(DRAND_QUICKNET.publicKey, round + 1, quicknetSignature(round))).toBe(false);
  });

  it('treats a signature that is no curve point as not verifying', () => {
    expect(verifyPulse(DRAND_QUICKNET.publicKey, 1000, hex(vectors.constants.invalid_signature_not_on_curve))).toBe(
      false,
    );
  });

  it("derives a pulse's randomness as sha256 of its signature", () => {
    expect(toHex(pulseRandomness(quicknetSignature(1000)))).toBe(vectors.constants.randomness_round_1000_sha256_of_sig);
  });

  it('places times on rounds with the beacon clock (bittensor-drand rule, at least round 1)', () => {
    expect(roundAtTime(DRAND_QUICKNET, DRAND_QUICKNET.genesisTime + 3000)).toBe(1000);
    expect(roundAtTime(DRAND_QUICKNET, DRAND_QUICKNET.genesisTime - 100)).toBe(1);
    expect(roundAtTime({ genesisTime: 100, period: 6 }, 161)).toBe(10);
  });
});

describe('TestBeacon', () => {
  const beacon = new TestBeacon(Uint8Array.from({ length: 32 }, (_, index) => index + 1));

  it('publishes signatures that verify against its own key and open commits encrypted to it', () => {
    const signature = beacon.signRound(42);
    expect(signature.length).toBe(48);
    expect(beacon.publicKey.length).toBe(96);
    expect(verifyPulse(beacon.publicKey, 42, signature)).toBe(true);
    expect(verifyPulse(beacon.publicKey, 43, signature)).toBe(false);
    expect(verifyPulse(DRAND_QUICKNET.publicKey, 42, signature)).toBe(false);
    const plaintext = Uint8Array.from(Buffer.from('weights'));
    const commit = encryptTimelocked({ publicKey: beacon.publicKey, round: 42, plaintext });
    expect(toHex(decryptTimelocked(commit, signature))).toBe(toHex(plaintext));
    expect(() => decryptTimelocked(commit, beacon.signRound(41))).toThrow(TimelockError);
  });

  it('leaves the signature and key bytes it verifies untouched (the curve decoder would clear their flag bits)', () => {
    const signature = beacon.signRound(7);
    const [signatureBefore, keyBefore] = [toHex(signature), toHex(beacon.publicKey)];
    expect(verifyPulse(beacon.publicKey, 7, signature)).toBe(true);
    expect(toHex(signature)).toBe(signatureBefore);
    expect(toHex(beacon.publicKey)).toBe(keyBefore);
  });

  it('refuses a secret key of the wrong size or out of range', () => {
    expect(() => new TestBeacon(new Uint8Array(31))).toThrow(TimelockError);
    expect(() => new TestBeacon(new Uint8Array(32))).toThrow(TimelockError);
    expect(() => new TestBeacon(new Uint8Array(32).fill(0xff))).toThrow(TimelockError);
  });
});
