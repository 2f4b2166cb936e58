import { nestedCall } from '../../extrinsic/decoded-extrinsic';
import { decodeExtrinsic } from '../../extrinsic/decoded-extrinsic';
import type { FeeInput } from '../../extrinsic/fees';
import { storageAt, type NodeContext, type RpcMethodTable } from '../node-context';
import { optionalBlockHash } from '../rpc-params';
import { authorError } from './author.methods';

/**
 * The legacy `payment_*` RPCs of pallet-transaction-payment-rpc, with its JSON: `partialFee` as a decimal
 * string (`serde_balance`), fee details as `NumberOrHex` numbers, class in camelCase, weight with snake_case
 * fields. (@polkadot/api 16 decodes `payment_queryInfo` as the old `RuntimeDispatchInfoV1` and fails on that
 * weight object against a real node too; clients should use `api.call.transactionPaymentApi`.)
 */
export function paymentMethods(context: NodeContext): RpcMethodTable {
  const { runtime } = context;
  const evaluate = (params: readonly unknown[]) => {
    let decoded;
    try {
      decoded = decodeExtrinsic(runtime.metadata.registry, params[0]);
    } catch (error) {
      throw authorError(error);
    }
    const storage = storageAt(context, optionalBlockHash(params, 1));
    const info = runtime.calls.info(nestedCall(decoded.extrinsic.method));
    const input: FeeInput = {
      length: decoded.length,
      callRefTime: info.refTime,
      class: info.class,
      pays: decoded.signed ? info.pays : 'No',
      tip: 0n,
    };
    return { info, input, multiplier: runtime.validator.feeMultiplier(storage) };
  };
  return {
    payment_queryInfo: (params) => {
      const { info, input, multiplier } = evaluate(params);
      return {
        weight: { ref_time: Number(info.refTime), proof_size: Number(info.proofSize) },
        class: info.class.charAt(0).toLowerCase() + info.class.slice(1),
        partialFee: runtime.fees.total(input, multiplier).toString(),
      };
    },
    payment_queryFeeDetails: (params) => {
      const { input, multiplier } = evaluate(params);
      const details = runtime.fees.details(input, multiplier);
      const inclusion = details.inclusionFee;
      return {
        inclusionFee: inclusion
          ? {
              baseFee: Number(inclusion.baseFee),
              lenFee: Number(inclusion.lenFee),
              adjustedWeightFee: Number(inclusion.adjustedWeightFee),
            }
          : null,
        tip: 0,
      };
    },
  };
}
