import type { Codec } from '@polkadot/types/types';
import type { DispatchClassName } from '../runtime/call-definition';
import { constant } from '../runtime/runtime-constants';
import type { RuntimeMetadata } from '../runtime/runtime-metadata';

/** A call's weight and fee class as the fee logic needs them. */
export interface FeeInput {
  /** Length of the whole encoded extrinsic in bytes. */
  readonly length: number;
  /** The call's declared `ref_time` (without the per-extrinsic base weight). */
  readonly callRefTime: bigint;
  readonly class: DispatchClassName;
  readonly pays: 'Yes' | 'No';
  readonly tip: bigint;
}

/** `pallet_transaction_payment::FeeDetails`: `inclusionFee` is absent for `Pays::No` calls. */
export interface FeeDetails {
  readonly inclusionFee?: { readonly baseFee: bigint; readonly lenFee: bigint; readonly adjustedWeightFee: bigint };
  readonly tip: bigint;
}

/** FixedU128 one: `NextFeeMultiplier` is a FixedU128 (18 decimals) and subtensor pins it at 1. */
const FIXED_U128_ONE = 10n ** 18n;
const PERBILL = 1_000_000_000n;
/** subtensor's `LinearWeightToFee`: fee = Perbill::from_parts(500_000) * ref_time, i.e. ref_time / 2000. */
const WEIGHT_TO_FEE_PERBILL_PARTS = 500_000n;

/**
 * The fee formula of pallet_transaction_payment as subtensor configures it (runtime/src/lib.rs, spec 224–234):
 *
 *   fee = base_fee + len_fee + adjusted_weight_fee + tip           (Pays::Yes; Pays::No pays only the tip)
 *   base_fee            = weight_to_fee(BlockWeights.per_class[class].base_extrinsic.ref_time)
 *   len_fee             = encoded extrinsic length in bytes        (LengthToFee = IdentityFee)
 *   adjusted_weight_fee = NextFeeMultiplier × weight_to_fee(min(call ref_time, max_block ref_time))
 *   weight_to_fee(w)    = Perbill(500_000) × w = w / 2000, rounded to nearest, ties down (Perbill's rounding)
 *
 * The base weights, the block limit and the multiplier are read from the metadata constants and state.
 */
export class FeeCalculator {
  private readonly baseExtrinsic: Readonly<Record<DispatchClassName, bigint>>;
  private readonly maxBlockRefTime: bigint;

  constructor(runtime: RuntimeMetadata) {
    const weights = constant<
      Codec & {
        maxBlock: { refTime: Codec };
        perClass: Record<'normal' | 'operational' | 'mandatory', { baseExtrinsic: { refTime: Codec } }>;
      }
    >(runtime, 'system', 'blockWeights');
    const refTime = (codec: Codec): bigint => BigInt(codec.toString());
    this.baseExtrinsic = {
      Normal: refTime(weights.perClass.normal.baseExtrinsic.refTime),
      Operational: refTime(weights.perClass.operational.baseExtrinsic.refTime),
      Mandatory: refTime(weights.perClass.mandatory.baseExtrinsic.refTime),
    };
    this.maxBlockRefTime = refTime(weights.maxBlock.refTime);
  }

  /** The per-extrinsic base weight of a class, which `ExtrinsicSuccess` adds to the call's weight. */
  baseExtrinsicRefTime(dispatchClass: DispatchClassName): bigint {
    return this.baseExtrinsic[dispatchClass];
  }

  weightToFee(refTime: bigint): bigint {
    const capped = refTime < this.maxBlockRefTime ? refTime : this.maxBlockRefTime;
    return perbillMul(WEIGHT_TO_FEE_PERBILL_PARTS, capped);
  }

  details(input: FeeInput, multiplier: bigint = FIXED_U128_ONE): FeeDetails {
    if (input.pays === 'No') {
      return { tip: input.tip };
    }
    return {
      inclusionFee: {
        baseFee: this.weightToFee(this.baseExtrinsic[input.class]),
        lenFee: BigInt(input.length),
        adjustedWeightFee: (this.weightToFee(input.callRefTime) * multiplier) / FIXED_U128_ONE,
      },
      tip: input.tip,
    };
  }

  /** The total fee withdrawn from the signer, tip included. */
  total(input: FeeInput, multiplier?: bigint): bigint {
    const details = this.details(input, multiplier);
    const inclusion = details.inclusionFee;
    return (inclusion ? inclusion.baseFee + inclusion.lenFee + inclusion.adjustedWeightFee : 0n) + details.tip;
  }
}

/** `Perbill::from_parts(parts) * value` with Perbill's rounding: to nearest, ties rounded down. */
export function perbillMul(parts: bigint, value: bigint): bigint {
  const product = parts * value;
  const quotient = product / PERBILL;
  const remainder = product % PERBILL;
  return remainder * 2n > PERBILL ? quotient + 1n : quotient;
}

export { FIXED_U128_ONE };
