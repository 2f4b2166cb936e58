import type { Codec } from '@polkadot/types/types';
import { nestedCall } from '../../extrinsic/decoded-extrinsic';
import {
  defineCall,
  NO_CUSTOM_VALIDITY,
  weighs,
  type CallDefinition,
  type CallWeight,
} from '../../runtime/call-definition';
import type { PalletModule } from '../../runtime/dispatch-context';
import { isDispatchFailure, toDispatchErrorValue } from '../../runtime/dispatch-errors';
import type { MetadataIndex } from '../../runtime/metadata-index';

const callsOf = (codec: Codec | undefined): Codec[] => (codec as unknown as Codec[] | undefined) ?? [];

/**
 * pallet_utility's batches. Each inner call runs in its own storage layer with the batch's origin.
 * `batch` stops at the first failure (`BatchInterrupted`) and still succeeds; `batch_all` fails as a whole
 * with the inner error (the extrinsic's layer discards everything); `force_batch` carries on (`ItemFailed`).
 */
export function createUtilityPallet(index: MetadataIndex): PalletModule {
  const utilityCall = (name: string, dispatch: CallDefinition['dispatch']): CallDefinition =>
    defineCall({
      pallet: 'utility',
      name,
      weight: batchWeight,
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: [],
      dispatch,
    });
  return {
    name: 'utility',
    calls: [
      utilityCall('batch', (context, args) => {
        const calls = callsOf(args.calls);
        for (const [position, call] of calls.entries()) {
          try {
            context.dispatchNested(nestedCall(call), context.origin);
          } catch (error) {
            if (!isDispatchFailure(error)) {
              throw error;
            }
            context.deposit('utility', 'BatchInterrupted', [position, toDispatchErrorValue(index, error)]);
            return;
          }
          context.deposit('utility', 'ItemCompleted', []);
        }
        context.deposit('utility', 'BatchCompleted', []);
      }),
      utilityCall('batch_all', (context, args) => {
        for (const call of callsOf(args.calls)) {
          context.dispatchNested(nestedCall(call), context.origin);
          context.deposit('utility', 'ItemCompleted', []);
        }
        context.deposit('utility', 'BatchCompleted', []);
      }),
      utilityCall('force_batch', (context, args) => {
        let failed = false;
        for (const call of callsOf(args.calls)) {
          try {
            context.dispatchNested(nestedCall(call), context.origin);
            context.deposit('utility', 'ItemCompleted', []);
          } catch (error) {
            if (!isDispatchFailure(error)) {
              throw error;
            }
            failed = true;
            context.deposit('utility', 'ItemFailed', [toDispatchErrorValue(index, error)]);
          }
        }
        context.deposit('utility', failed ? 'BatchCompletedWithErrors' : 'BatchCompleted', []);
      }),
    ],
  };
}

/** pallet_utility::batch(c) overhead: a base plus a per-call part. */
const BATCH_BASE = 5_312_000n;
const BATCH_PER_CALL = 3_761_000n;

/** The inner calls' weights plus the batch overhead; Operational only when every inner call is (as FRAME does). */
const batchWeight: CallWeight = (args, nested) => {
  const calls = callsOf(args.calls);
  const inner = calls.map((call) => nested(nestedCall(call)));
  const total = inner.reduce((sum, info) => sum + info.refTime, 0n);
  const allOperational = inner.length > 0 && inner.every((info) => info.class === 'Operational');
  return weighs(total + BATCH_BASE + BATCH_PER_CALL * BigInt(calls.length), {
    class: allOperational ? 'Operational' : 'Normal',
  });
};
