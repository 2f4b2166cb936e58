import type { Codec, INumber } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { isDeclared, readBig, readNum, SUBTENSOR, write } from '../state/subtensor-storage';

/**
 * Spec 424's registration price (subnets/registration.rs, utils/misc.rs): no per-block or per-interval
 * registration cap; the burn halves every `BurnHalfLife` blocks and is multiplied by `BurnIncreaseMult`
 * (1.26) per registration, clamped to `[MinBurn, MaxBurn]`. Detected by `BurnHalfLife`/`BurnIncreaseMult`
 * in the metadata; spec 233 keeps the interval adjustment of registration-adjustment.ts and its caps.
 */
export function hasDecayingBurn(storage: Storage): boolean {
  return isDeclared(storage, 'burnHalfLife') && isDeclared(storage, 'burnIncreaseMult');
}

const Q32 = 32n;
const ONE_Q32 = 1n << Q32;

/**
 * The largest Q32 factor `f` whose `halfLife`-th power, computed in Q32 rounding up, is ≤ 1/2: applying it once
 * per block halves the burn every `halfLife` blocks (to within a few parts in 10^7, never faster). A half-life
 * of 0 means no decay (factor 1).
 */
export function burnDecayFactorQ32(halfLife: number): bigint {
  if (halfLife <= 0) {
    return ONE_Q32;
  }
  const known = decayFactors.get(halfLife);
  if (known !== undefined) {
    return known;
  }
  let factor = BigInt(Math.floor(0.5 ** (1 / halfLife) * Number(ONE_Q32)));
  while (factor > 0n && !atMostHalf(factor, halfLife)) {
    factor -= 1n;
  }
  while (factor + 1n < ONE_Q32 && atMostHalf(factor + 1n, halfLife)) {
    factor += 1n;
  }
  decayFactors.set(halfLife, factor);
  return factor;
}

const decayFactors = new Map<number, bigint>();

/** `(factor / 2^32)^halfLife ≤ 1/2`, exactly, by repeated Q32 multiplication rounded up (never under-counts). */
function atMostHalf(factor: bigint, halfLife: number): boolean {
  let power = ONE_Q32;
  for (let step = 0; step < halfLife; step += 1) {
    power = (power * factor + ONE_Q32 - 1n) >> Q32;
  }
  return power * 2n <= ONE_Q32;
}

/** `update_registration_prices_for_networks`, once per block for every subnet: `Burn ← Burn × f`, clamped. */
export function decayBurns(storage: Storage, subnets: readonly number[]): void {
  for (const netuid of subnets) {
    const factor = burnDecayFactorQ32(readNum(storage, 'burnHalfLife', netuid));
    const decayed = (readBig(storage, 'burn', netuid) * factor) >> Q32;
    write(storage, 'burn', [netuid], clampBurn(storage, netuid, decayed));
  }
}

/** After a registration: `Burn ← Burn × BurnIncreaseMult` (U64F64), clamped to `[MinBurn, MaxBurn]`. */
export function raiseBurnAfterRegistration(storage: Storage, netuid: number): void {
  const multiplier = storage.get<Codec & { bits: INumber }>(SUBTENSOR, 'burnIncreaseMult', netuid).bits.toBigInt();
  const raised = (readBig(storage, 'burn', netuid) * multiplier) >> 64n;
  write(storage, 'burn', [netuid], clampBurn(storage, netuid, raised));
}

function clampBurn(storage: Storage, netuid: number, burn: bigint): bigint {
  const min = readBig(storage, 'minBurn', netuid);
  const max = readBig(storage, 'maxBurn', netuid);
  return burn < min ? min : burn > max ? max : burn;
}
