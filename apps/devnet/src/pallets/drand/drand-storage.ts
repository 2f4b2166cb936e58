import type { Option } from '@polkadot/types';
import type { Codec, INumber } from '@polkadot/types/types';
import type { Storage } from '../../state/storage';

export const DRAND = 'drand';

/** One stored pulse, as `Drand.Pulses` holds it. */
export interface StoredPulse {
  readonly round: number;
  readonly randomness: Uint8Array;
  readonly signature: Uint8Array;
}

/** Whether the served runtime has `pallet_drand` (both 233 and 424 have it; feature detection all the same). */
export function hasDrandPallet(storage: Storage): boolean {
  return storage.hasItem(DRAND, 'pulses') && storage.hasItem(DRAND, 'beaconConfig');
}

export function lastStoredRound(storage: Storage): number {
  return storage.get<INumber>(DRAND, 'lastStoredRound').toNumber();
}

/** `Drand.Pulses[round]`, or `undefined` when the round is not (or no longer) stored. */
export function readPulse(storage: Storage, round: number | bigint): StoredPulse | undefined {
  if (!storage.hasItem(DRAND, 'pulses')) {
    return undefined;
  }
  const stored = storage.get<Option<Codec & PulseCodec>>(DRAND, 'pulses', round);
  if (stored.isNone) {
    return undefined;
  }
  const pulse = stored.unwrap();
  return {
    round: pulse.round.toNumber(),
    randomness: pulse.randomness.toU8a(true),
    signature: pulse.signature.toU8a(true),
  };
}

interface PulseCodec {
  readonly round: INumber;
  readonly randomness: Codec;
  readonly signature: Codec;
}
