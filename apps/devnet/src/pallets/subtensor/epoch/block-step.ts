import type { BlockHookContext } from '../../../runtime/dispatch-context';
import { adjustRegistrationTerms } from '../registration/registration-adjustment';
import { runCoinbase } from './coinbase';

/**
 * SubtensorModule's `on_initialize` (`block_step`): registration price adjustment and per-block counters,
 * then the coinbase, which runs each subnet's epoch when its tempo comes round.
 */
export function subtensorBlockStep(context: BlockHookContext): void {
  adjustRegistrationTerms(context.storage, context.deposit.bind(context), context.blockNumber);
  runCoinbase(context.storage, context.blockNumber);
}
