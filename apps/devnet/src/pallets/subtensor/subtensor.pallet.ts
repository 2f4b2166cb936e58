import {
  dbWeight,
  defineCall,
  NO_CUSTOM_VALIDITY,
  weighs,
  type CallDefinition,
  type DispatchClassName,
  type FeeRule,
} from '../../runtime/call-definition';
import type { PalletModule } from '../../runtime/dispatch-context';
import { subtensorBlockStep } from './epoch/block-step';
import { burnedRegister } from './registration/burned-register';
import { registerNetwork } from './registration/register-network';
import { serveAxon, serveAxonTls } from './serving/serve-axon';
import { servePrometheus } from './serving/serve-prometheus';
import { addStake } from './staking/add-stake';
import { removeStake } from './staking/remove-stake';
import type { SubtensorErrorName } from './subtensor-error';
import { bySubtensorExtension, transactionExtensionValidity } from './transaction/subtensor-transaction-extension';
import {
  addStakeValidity,
  registrationValidity,
  removeStakeValidity,
  weightsCallValidity,
} from './transaction/subtensor-transaction-validity';
import { batchCommitWeights, batchRevealWeights, batchSetWeights } from './weights/batch-weights';
import { commitCrv3Weights } from './weights/commit-crv3-weights';
import { commitWeights } from './weights/commit-weights';
import { onMechanism, setMechanismWeights } from './weights/mechanism-weights';
import { revealWeights } from './weights/reveal-weights';
import { setWeights } from './weights/set-weights';

/** A SubtensorModule call: its errors are SubtensorModule's, checked against the names this simulator knows. */
type SubtensorCall = Omit<CallDefinition, 'pallet' | 'errors'> & { readonly errors: readonly SubtensorErrorName[] };
const subtensorCall = (call: SubtensorCall): CallDefinition => defineCall({ pallet: 'subtensorModule', ...call });

/** Declared weight of a subtensor call from its `#[pallet::weight]` (dispatches.rs at spec 234). */
const declared = (base: bigint, reads: number, writes: number, dispatchClass: DispatchClassName = 'Normal') =>
  weighs(dbWeight(base, reads, writes), { class: dispatchClass });

/** Free up to spec 233; since the transaction-extension runtime (424) staking and registration pay (§2.2). */
const FREE_UNTIL_424: FeeRule = (features) => (features.subtensorTransactionExtension ? 'Yes' : 'No');

/** What `do_set_weights` checks, in every path that ends in storing a weight row (set, reveal). */
const WEIGHTS_SUBMISSION_ERRORS: readonly SubtensorErrorName[] = [
  'CanNotSetRootNetworkWeights',
  'SubNetworkDoesNotExist',
  'MechanismDoesNotExist',
  'WeightVecNotEqualSize',
  'HotKeyNotRegisteredInSubNet',
  'NotEnoughStakeToSetWeights',
  'IncorrectWeightVersionKey',
  'SettingWeightsTooFast',
  'UidsLengthExceedUidsInSubNet',
  'NeuronNoValidatorPermit',
  'DuplicateUids',
  'UidVecContainInvalidOne',
  'WeightVecLengthIsLow',
  'MaxWeightExceeded',
];
const COMMIT_ERRORS: readonly SubtensorErrorName[] = [
  'CommitRevealDisabled',
  'HotKeyNotRegisteredInSubNet',
  'CommittingWeightsTooFast',
  'TooManyUnrevealedCommits',
];
const REVEAL_ERRORS: readonly SubtensorErrorName[] = [
  'CommitRevealDisabled',
  'NoWeightsCommitFound',
  'ExpiredWeightCommit',
  'RevealTooEarly',
  'InvalidRevealCommitHashNotMatch',
  ...WEIGHTS_SUBMISSION_ERRORS,
];
const SERVING_ERRORS: readonly SubtensorErrorName[] = [
  'HotKeyNotRegisteredInNetwork',
  'InvalidIpType',
  'InvalidIpAddress',
  'ServingRateLimitExceeded',
  'InvalidPort',
];
const STAKE_ERRORS: readonly SubtensorErrorName[] = [
  'SubnetNotExists',
  'HotKeyAccountNotExists',
  'AmountTooLow',
  'InsufficientLiquidity',
  'SlippageTooHigh',
  'SubtokenDisabled',
];
const BALANCE_DEBIT_ERRORS: readonly SubtensorErrorName[] = [
  'NotEnoughBalanceToStake',
  'BalanceWithdrawalError',
  'ZeroBalanceAfterWithdrawn',
];

/**
 * SubtensorModule (pallet 7) as far as miners and validators use it, one definition per call; the registry
 * offers those the served metadata has (the `*_mechanism_weights` calls only on spec 424, `commit_crv3_weights`
 * only on 233). Weight and serving calls are `Pays::No` on both runtimes; staking and registration are free on
 * 233 and pay on 424. `start_call` is in registration/start-call.ts.
 */
export const subtensorPallet: PalletModule = {
  name: 'subtensorModule',
  calls: [
    subtensorCall({
      name: 'set_weights',
      weight: declared(22_060_000_000n, 4106, 2),
      pays: 'No',
      validate: bySubtensorExtension(weightsCallValidity, transactionExtensionValidity('set_weights')),
      errors: ['CommitRevealEnabled', ...WEIGHTS_SUBMISSION_ERRORS],
      dispatch: setWeights,
    }),
    subtensorCall({
      name: 'set_mechanism_weights',
      weight: declared(22_060_000_000n, 4106, 2),
      pays: 'No',
      validate: bySubtensorExtension(weightsCallValidity, transactionExtensionValidity('set_mechanism_weights')),
      errors: ['MechanismDoesNotExist', 'CommitRevealEnabled', ...WEIGHTS_SUBMISSION_ERRORS],
      dispatch: setMechanismWeights,
    }),
    subtensorCall({
      name: 'commit_mechanism_weights',
      weight: declared(46_000_000n, 1, 1),
      pays: 'No',
      validate: bySubtensorExtension(weightsCallValidity, transactionExtensionValidity('commit_mechanism_weights')),
      errors: ['MechanismDoesNotExist', ...COMMIT_ERRORS],
      dispatch: onMechanism(commitWeights),
    }),
    subtensorCall({
      name: 'reveal_mechanism_weights',
      weight: declared(103_000_000n, 11, 3),
      pays: 'No',
      validate: bySubtensorExtension(weightsCallValidity, transactionExtensionValidity('reveal_mechanism_weights')),
      errors: ['MechanismDoesNotExist', ...REVEAL_ERRORS],
      dispatch: onMechanism(revealWeights),
    }),
    subtensorCall({
      name: 'batch_set_weights',
      weight: declared(22_060_000_000n, 4106, 2),
      pays: 'No',
      validate: bySubtensorExtension(NO_CUSTOM_VALIDITY, transactionExtensionValidity('batch_set_weights')),
      // Each netuid's failure goes into `BatchWeightItemFailed`; only the input shape fails the call.
      errors: ['InputLengthsUnequal'],
      dispatch: batchSetWeights,
    }),
    subtensorCall({
      name: 'commit_weights',
      weight: declared(46_000_000n, 1, 1),
      pays: 'No',
      validate: bySubtensorExtension(weightsCallValidity, transactionExtensionValidity('commit_weights')),
      errors: COMMIT_ERRORS,
      dispatch: commitWeights,
    }),
    subtensorCall({
      name: 'batch_commit_weights',
      weight: declared(46_000_000n, 1, 2),
      pays: 'No',
      validate: bySubtensorExtension(NO_CUSTOM_VALIDITY, transactionExtensionValidity('batch_commit_weights')),
      errors: ['InputLengthsUnequal'],
      dispatch: batchCommitWeights,
    }),
    subtensorCall({
      name: 'reveal_weights',
      weight: declared(103_000_000n, 11, 3),
      pays: 'No',
      validate: bySubtensorExtension(weightsCallValidity, transactionExtensionValidity('reveal_weights')),
      errors: REVEAL_ERRORS,
      dispatch: revealWeights,
    }),
    subtensorCall({
      name: 'batch_reveal_weights',
      weight: declared(367_612_000n, 14, 3),
      pays: 'No',
      validate: bySubtensorExtension(weightsCallValidity, transactionExtensionValidity('batch_reveal_weights')),
      errors: ['InputLengthsUnequal', ...REVEAL_ERRORS],
      dispatch: batchRevealWeights,
    }),
    subtensorCall({
      name: 'commit_crv3_weights',
      weight: declared(46_000_000n, 1, 1),
      pays: 'No',
      validate: bySubtensorExtension(weightsCallValidity, transactionExtensionValidity('unguarded')),
      errors: COMMIT_ERRORS,
      dispatch: commitCrv3Weights,
    }),
    subtensorCall({
      name: 'burned_register',
      weight: declared(177_000_000n, 26, 24),
      pays: FREE_UNTIL_424,
      validate: bySubtensorExtension(registrationValidity, transactionExtensionValidity('unguarded')),
      errors: [
        'RegistrationNotPermittedOnRootSubnet',
        'SubNetworkDoesNotExist',
        'SubnetNotExists',
        'SubNetRegistrationDisabled',
        'TooManyRegistrationsThisBlock',
        'TooManyRegistrationsThisInterval',
        'HotKeyAlreadyRegisteredInSubNet',
        'NonAssociatedColdKey',
        'NoNeuronIdAvailable',
        ...BALANCE_DEBIT_ERRORS,
      ],
      dispatch: burnedRegister,
    }),
    subtensorCall({
      name: 'register_network',
      weight: declared(157_000_000n, 16, 30, 'Operational'),
      pays: FREE_UNTIL_424,
      validate: bySubtensorExtension(NO_CUSTOM_VALIDITY, transactionExtensionValidity('register_network')),
      errors: ['NetworkTxRateLimitExceeded', 'NonAssociatedColdKey', ...BALANCE_DEBIT_ERRORS],
      dispatch: registerNetwork,
    }),
    subtensorCall({
      name: 'serve_axon',
      weight: declared(46_000_000n, 4, 1),
      pays: 'No',
      validate: bySubtensorExtension(NO_CUSTOM_VALIDITY, transactionExtensionValidity('serve_axon')),
      errors: SERVING_ERRORS,
      dispatch: serveAxon,
    }),
    subtensorCall({
      name: 'serve_axon_tls',
      weight: declared(46_000_000n, 4, 1),
      pays: 'No',
      validate: bySubtensorExtension(NO_CUSTOM_VALIDITY, transactionExtensionValidity('serve_axon_tls')),
      errors: SERVING_ERRORS,
      dispatch: serveAxonTls,
    }),
    subtensorCall({
      name: 'serve_prometheus',
      weight: declared(45_000_000n, 4, 1),
      pays: 'No',
      validate: bySubtensorExtension(NO_CUSTOM_VALIDITY, transactionExtensionValidity('serve_prometheus')),
      errors: SERVING_ERRORS,
      dispatch: servePrometheus,
    }),
    subtensorCall({
      name: 'add_stake',
      weight: declared(124_000_000n, 10, 7),
      pays: FREE_UNTIL_424,
      validate: bySubtensorExtension(addStakeValidity, transactionExtensionValidity('unguarded')),
      errors: [...STAKE_ERRORS, ...BALANCE_DEBIT_ERRORS],
      dispatch: addStake,
    }),
    subtensorCall({
      name: 'remove_stake',
      weight: declared(111_000_000n, 10, 7),
      pays: FREE_UNTIL_424,
      validate: bySubtensorExtension(removeStakeValidity, transactionExtensionValidity('unguarded')),
      errors: [...STAKE_ERRORS, 'NotEnoughStakeToWithdraw'],
      dispatch: removeStake,
    }),
  ],
  onInitialize: subtensorBlockStep,
};
