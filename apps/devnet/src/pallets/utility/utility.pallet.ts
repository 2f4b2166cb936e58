import type { Codec } from '@polkadot/types/types';
import { nestedCall } from '../../extrinsic/call-weights';
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
  return {
    name: 'utility',
    calls: {
      batch: (context, args) => {
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
      },
      batchAll: (context, args) => {
        for (const call of callsOf(args.calls)) {
          context.dispatchNested(nestedCall(call), context.origin);
          context.deposit('utility', 'ItemCompleted', []);
        }
        context.deposit('utility', 'BatchCompleted', []);
      },
      forceBatch: (context, args) => {
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
      },
    },
  };
}
