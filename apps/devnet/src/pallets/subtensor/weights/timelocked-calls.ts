import { dbWeight, defineCall, weighs, type CallDefinition } from '../../../runtime/call-definition';
import type { PalletModule } from '../../../runtime/dispatch-context';
import type { SubtensorErrorName } from '../subtensor-error';
import { transactionExtensionValidity } from '../transaction/subtensor-transaction-extension';
import {
  commitCrv3MechanismWeights,
  commitTimelockedMechanismWeights,
  commitTimelockedWeights,
  withCommitSizeBound,
} from './timelocked-commit';

const TIMELOCKED_COMMIT_ERRORS: readonly SubtensorErrorName[] = [
  'MechanismDoesNotExist',
  'CommitRevealDisabled',
  'IncorrectCommitRevealVersion',
  'HotKeyNotRegisteredInSubNet',
  'CommittingWeightsTooFast',
  'TooManyUnrevealedCommits',
];

type TimelockedCallName =
  'commit_timelocked_weights' | 'commit_timelocked_mechanism_weights' | 'commit_crv3_mechanism_weights';

const timelockedCall = (name: TimelockedCallName, dispatch: CallDefinition['dispatch']): CallDefinition =>
  defineCall({
    pallet: 'subtensorModule',
    name,
    // `#[pallet::weight]` of the timelocked commit calls at spec 424: 77 µs base, 7 reads, 2 writes.
    weight: weighs(dbWeight(77_000_000n, 7, 2)),
    pays: 'No',
    // These calls exist only with SubtensorTransactionExtension (424): its guards, `InvalidRevealRound` included.
    validate: withCommitSizeBound(transactionExtensionValidity(name)),
    errors: TIMELOCKED_COMMIT_ERRORS,
    dispatch,
  });

/**
 * SubtensorModule's timelocked (CR v4) commit calls of spec 424, offered where the served metadata has them
 * (`commit_crv3_weights` of spec 233 stays in subtensor.pallet.ts). Kept as their own call table so the
 * timelocked path is one piece: calls here, reveal in timelocked-reveal.ts.
 */
export const subtensorTimelockedCalls: PalletModule = {
  name: 'subtensorModule',
  calls: [
    timelockedCall('commit_timelocked_weights', commitTimelockedWeights),
    timelockedCall('commit_timelocked_mechanism_weights', commitTimelockedMechanismWeights),
    timelockedCall('commit_crv3_mechanism_weights', commitCrv3MechanismWeights),
  ],
};
