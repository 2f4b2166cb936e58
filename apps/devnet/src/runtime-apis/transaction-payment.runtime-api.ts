import type { TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { bnToU8a, compactToU8a, u8aConcat } from '@polkadot/util';
import { nestedCall } from '../extrinsic/decoded-extrinsic';
import type { FeeCalculator, FeeDetails } from '../extrinsic/fees';
import type { ResolvedDispatchInfo } from '../runtime/call-definition';
import type { CallRegistry } from '../runtime/call-registry';
import type { RuntimeApiModule } from '../runtime/dispatch-context';
import type { RuntimeMetadata } from '../runtime/runtime-metadata';
import type { Storage } from '../state/storage';
import { decodeArgs } from './runtime-api-args';

const u64 = (value: bigint): Uint8Array => bnToU8a(value, { bitLength: 64 });
const DISPATCH_CLASS_INDEX: Readonly<Record<ResolvedDispatchInfo['class'], number>> = {
  Normal: 0,
  Operational: 1,
  Mandatory: 2,
};

/** `RuntimeDispatchInfo<u64>`: weight (compact ref_time, compact proof_size), class, partial_fee as u64. */
function encodeDispatchInfo(info: ResolvedDispatchInfo, partialFee: bigint): Uint8Array {
  return u8aConcat(
    compactToU8a(info.refTime),
    compactToU8a(info.proofSize),
    new Uint8Array([DISPATCH_CLASS_INDEX[info.class]]),
    u64(partialFee),
  );
}

/** `FeeDetails<u64>`: `Option<InclusionFee { base_fee, len_fee, adjusted_weight_fee }>`, then `tip`. */
function encodeFeeDetails(details: FeeDetails): Uint8Array {
  const inclusion = details.inclusionFee;
  return u8aConcat(
    inclusion
      ? u8aConcat(new Uint8Array([1]), u64(inclusion.baseFee), u64(inclusion.lenFee), u64(inclusion.adjustedWeightFee))
      : new Uint8Array([0]),
    u64(details.tip),
  );
}

interface ExtrinsicCodec extends Codec {
  readonly isSigned: boolean;
  readonly method: Codec;
}

/**
 * `TransactionPaymentApi` v4 and `TransactionPaymentCallApi` v3 with the fee formula of `FeeCalculator`.
 * Balances are encoded as subtensor's u64, which is what the real runtime returns (a client decoding with
 * @polkadot/types' default `Balance` = u128 still reads `partialFee` right: it is the last field).
 */
export function createTransactionPaymentApis(
  runtime: RuntimeMetadata,
  calls: CallRegistry,
  fees: FeeCalculator,
  multiplier: (storage: Storage) => bigint,
): RuntimeApiModule[] {
  const { registry } = runtime;
  const feeInput = (info: ResolvedDispatchInfo, length: number) => ({
    length,
    callRefTime: info.refTime,
    class: info.class,
    pays: info.pays,
    tip: 0n,
  });
  const extrinsicArgs = (method: string, input: Uint8Array) => {
    const [uxt, len] = decodeArgs(registry, method, ['Extrinsic', 'u32'], input) as [ExtrinsicCodec, Codec];
    return { uxt, info: calls.info(nestedCall(uxt.method)), length: Number(len.toString()) };
  };
  const callArgs = (method: string, input: Uint8Array) => {
    const [call, len] = decodeArgs(registry, method, ['Call', 'u32'], input);
    return { info: calls.info(nestedCall(call)), length: Number(len?.toString()) };
  };
  const shared = sharedFeeMethods(registry, fees);
  return [
    {
      trait: 'TransactionPaymentApi',
      version: 4,
      methods: {
        ...shared,
        query_info: (storage, input) => {
          const { uxt, info, length } = extrinsicArgs('query_info', input);
          const fee = uxt.isSigned ? fees.total(feeInput(info, length), multiplier(storage)) : 0n;
          return encodeDispatchInfo(info, fee);
        },
        query_fee_details: (storage, input) => {
          const { uxt, info, length } = extrinsicArgs('query_fee_details', input);
          return encodeFeeDetails(
            uxt.isSigned ? fees.details(feeInput(info, length), multiplier(storage)) : { tip: 0n },
          );
        },
      },
    },
    {
      trait: 'TransactionPaymentCallApi',
      version: 3,
      methods: {
        ...shared,
        query_call_info: (storage, input) => {
          const { info, length } = callArgs('query_call_info', input);
          return encodeDispatchInfo(info, fees.total(feeInput(info, length), multiplier(storage)));
        },
        query_call_fee_details: (storage, input) => {
          const { info, length } = callArgs('query_call_fee_details', input);
          return encodeFeeDetails(fees.details(feeInput(info, length), multiplier(storage)));
        },
      },
    },
  ];
}

function sharedFeeMethods(registry: TypeRegistry, fees: FeeCalculator): RuntimeApiModule['methods'] {
  return {
    query_weight_to_fee: (_storage, input) => {
      const [weight] = decodeArgs(registry, 'query_weight_to_fee', ['Weight'], input);
      const refTime = BigInt((weight as unknown as { refTime: Codec }).refTime.toString());
      return u64(fees.weightToFee(refTime));
    },
    query_length_to_fee: (_storage, input) => {
      const [length] = decodeArgs(registry, 'query_length_to_fee', ['u32'], input);
      return u64(BigInt(length?.toString() ?? '0'));
    },
  };
}
