import type { u16 } from '@polkadot/types';
import type { Codec, INumber } from '@polkadot/types/types';
import type { CallArgs, CallValidity, ValidityEnvironment } from '../../../runtime/call-definition';
import type { Storage } from '../../../state/storage';
import { arg, argBigInt, argNumber, argNumbers } from '../call-args';
import { endpointOf, servingFailure } from '../serving/serve-endpoint';
import { has, readAccount, readBig, readBool, readOptional } from '../state/subtensor-storage';
import type { SubtensorErrorName } from '../subtensor-error';
import { hasMinimumWeightsStake } from '../weights/set-weights';
import { passesWeightsRateLimit } from '../weights/weight-checks';
import { weightCommitHash } from '../weights/weight-commit-hash';
import { isInRevealWindow, readWeightCommits } from '../weights/weight-commits';

/**
 * `CustomTransactionError` of spec 424 (common/src/transaction_error.rs@6d81084c): the `n` of
 * `InvalidTransaction::Custom(n)` that `SubtensorTransactionExtension` answers, i.e. what a client sees as
 * `1010: Invalid Transaction: Custom error: n`. Codes 0–9 and 255 mean the same as spec 233's.
 */
export const TransactionExtensionCode = {
  ColdkeyInSwapSchedule: 0,
  StakeAmountTooLow: 1,
  BalanceTooLow: 2,
  SubnetNotExists: 3,
  HotkeyAccountDoesntExist: 4,
  NotEnoughStakeToWithdraw: 5,
  RateLimitExceeded: 6,
  InsufficientLiquidity: 7,
  SlippageTooHigh: 8,
  TransferDisallowed: 9,
  HotKeyNotRegisteredInNetwork: 10,
  InvalidIpAddress: 11,
  ServingRateLimitExceeded: 12,
  InvalidPort: 13,
  InvalidRevealRound: 15,
  CommitNotFound: 16,
  CommitBlockNotInRevealRange: 17,
  InputLengthsUnequal: 18,
  UidNotFound: 19,
  EvmKeyAssociateRateLimitExceeded: 20,
  ColdkeySwapDisputed: 21,
  NonAssociatedColdKey: 25,
  DelegateTakeTooLow: 26,
  DelegateTakeTooHigh: 27,
  BadRequest: 255,
} as const;

/** The pallet errors the guards fail with (some, such as the coldkey-swap ones, no dispatchable here raises). */
export type GuardErrorName = SubtensorErrorName | 'ColdkeySwapAnnounced' | 'ColdkeySwapDisputed' | 'InvalidRevealRound';

/** `impl From<Error<T>> for CustomTransactionError` (extensions/subtensor.rs@6d81084c); others are BadRequest. */
const CODE_OF_GUARD_ERROR: Partial<Record<GuardErrorName, number>> = {
  AmountTooLow: TransactionExtensionCode.StakeAmountTooLow,
  NotEnoughStakeToSetWeights: TransactionExtensionCode.StakeAmountTooLow,
  SubnetNotExists: TransactionExtensionCode.SubnetNotExists,
  NotEnoughBalanceToStake: TransactionExtensionCode.BalanceTooLow,
  HotKeyAccountNotExists: TransactionExtensionCode.HotkeyAccountDoesntExist,
  NotEnoughStakeToWithdraw: TransactionExtensionCode.NotEnoughStakeToWithdraw,
  InsufficientLiquidity: TransactionExtensionCode.InsufficientLiquidity,
  SlippageTooHigh: TransactionExtensionCode.SlippageTooHigh,
  HotKeyNotRegisteredInNetwork: TransactionExtensionCode.HotKeyNotRegisteredInNetwork,
  InvalidIpAddress: TransactionExtensionCode.InvalidIpAddress,
  ServingRateLimitExceeded: TransactionExtensionCode.ServingRateLimitExceeded,
  InvalidPort: TransactionExtensionCode.InvalidPort,
  NonAssociatedColdKey: TransactionExtensionCode.NonAssociatedColdKey,
  InputLengthsUnequal: TransactionExtensionCode.InputLengthsUnequal,
  NoWeightsCommitFound: TransactionExtensionCode.CommitNotFound,
  RevealTooEarly: TransactionExtensionCode.CommitBlockNotInRevealRange,
  InvalidRevealRound: TransactionExtensionCode.InvalidRevealRound,
  CommittingWeightsTooFast: TransactionExtensionCode.RateLimitExceeded,
  SettingWeightsTooFast: TransactionExtensionCode.RateLimitExceeded,
  NetworkTxRateLimitExceeded: TransactionExtensionCode.RateLimitExceeded,
  HotKeyNotRegisteredInSubNet: TransactionExtensionCode.UidNotFound,
  ColdkeySwapAnnounced: TransactionExtensionCode.ColdkeyInSwapSchedule,
  ColdkeySwapDisputed: TransactionExtensionCode.ColdkeySwapDisputed,
};

/** The `Custom(n)` code of a guard error. */
export function transactionExtensionCode(error: GuardErrorName): number {
  return CODE_OF_GUARD_ERROR[error] ?? TransactionExtensionCode.BadRequest;
}

/** The SubtensorModule calls some guard looks at, by metadata name; every other call gets only CheckColdkeySwap. */
export type GuardedCall =
  | 'set_weights'
  | 'set_mechanism_weights'
  | 'batch_set_weights'
  | 'commit_weights'
  | 'commit_mechanism_weights'
  | 'batch_commit_weights'
  | 'reveal_weights'
  | 'reveal_mechanism_weights'
  | 'batch_reveal_weights'
  | 'commit_timelocked_weights'
  | 'commit_timelocked_mechanism_weights'
  | 'commit_crv3_mechanism_weights'
  | 'serve_axon'
  | 'serve_axon_tls'
  | 'serve_prometheus'
  | 'register_network'
  | 'unguarded';

type Guard = (environment: ValidityEnvironment, call: GuardedCall, args: CallArgs) => GuardErrorName | undefined;

/**
 * `SubtensorTransactionExtension::validate` (extensions/subtensor.rs@6d81084c) for `call`: the guards in the
 * runtime's order — CheckColdkeySwap, CheckWeights, CheckRateLimits, CheckDelegateTake, CheckServingEndpoints,
 * CheckEvmKeyAssociation — the first failure answered as its `Custom(n)`. CheckDelegateTake and
 * CheckEvmKeyAssociation guard calls the devnet does not offer (`decrease_take`, `associate_evm_key`), so they
 * never fail here. The same guards run again when the block is built (the validator applies in both modes).
 */
export function transactionExtensionValidity(call: GuardedCall): CallValidity {
  return (environment, args) => {
    for (const guard of GUARDS) {
      const failure = guard(environment, call, args);
      if (failure !== undefined) {
        return transactionExtensionCode(failure);
      }
    }
    return undefined;
  };
}

/**
 * Picks the validity rule of the served runtime's generation, detected from the metadata's extension list:
 * `SubtensorSignedExtension` (spec 233) or `SubtensorTransactionExtension` (spec 424).
 */
export function bySubtensorExtension(signedExtension: CallValidity, transactionExtension: CallValidity): CallValidity {
  return (environment, args) =>
    environment.features.subtensorTransactionExtension
      ? transactionExtension(environment, args)
      : signedExtension(environment, args);
}

/** CheckColdkeySwap: an announced coldkey swap (0), a disputed one (21); the devnet never writes either. */
const checkColdkeySwap: Guard = ({ storage, signer }) => {
  if (has(storage, 'coldkeySwapDisputes', signer)) {
    return 'ColdkeySwapDisputed';
  }
  return has(storage, 'coldkeySwapAnnouncements', signer) ? 'ColdkeySwapAnnounced' : undefined;
};

/** One guard's check of one call. */
type CallCheck = (environment: ValidityEnvironment, args: CallArgs) => GuardErrorName | undefined;

/** A guard that runs `checks[call]`; a call it has no check for passes it. */
function guardOf(checks: Partial<Record<GuardedCall, CallCheck>>): Guard {
  return (environment, call, args) => checks[call]?.(environment, args);
}

/** `check_weights_min_stake` on the call's `netuid`. */
const minStakeOnNetuid: CallCheck = (environment, args) => minStakeOnEach(environment, [argNumber(args, 'netuid')]);

/** A reveal: min stake, then {@link singleRevealFailure}. */
const revealCheck: CallCheck = (environment, args) =>
  minStakeOnNetuid(environment, args) ?? singleRevealFailure(environment, args);

/** A timelocked commit: min stake, then a reveal round no older than the last stored drand pulse. */
const timelockedCommitCheck: CallCheck = (environment, args) =>
  minStakeOnNetuid(environment, args) ??
  (argBigInt(args, 'revealRound') < lastStoredDrandRound(environment.storage) ? 'InvalidRevealRound' : undefined);

/** CheckWeights (guards/check_weights.rs@6d81084c): input lengths, then min stake, then the commit-reveal checks. */
const checkWeights = guardOf({
  batch_commit_weights: (environment, args) =>
    equalLengths(args, ['netuids', 'commitHashes']) ?? minStakeOnEach(environment, netuidsOf(args, 'netuids')),
  batch_set_weights: (environment, args) =>
    equalLengths(args, ['netuids', 'weights', 'versionKeys']) ??
    minStakeOnEach(environment, netuidsOf(args, 'netuids')),
  batch_reveal_weights: (environment, args) =>
    equalLengths(args, ['uidsList', 'valuesList', 'saltsList', 'versionKeys']) ??
    minStakeOnNetuid(environment, args) ??
    batchRevealFailure(environment, args),
  reveal_weights: revealCheck,
  reveal_mechanism_weights: revealCheck,
  commit_timelocked_weights: timelockedCommitCheck,
  commit_timelocked_mechanism_weights: timelockedCommitCheck,
  commit_crv3_mechanism_weights: timelockedCommitCheck,
  set_weights: minStakeOnNetuid,
  set_mechanism_weights: minStakeOnNetuid,
  commit_weights: minStakeOnNetuid,
  commit_mechanism_weights: minStakeOnNetuid,
});

/** Commits: `CommittingWeightsTooFast` unless the signer's uid passes the weights rate limit. */
const commitRateLimit: CallCheck = ({ storage, signer, blockNumber }, args) =>
  passesRateLimit(storage, signer, argNumber(args, 'netuid'), blockNumber) ? undefined : 'CommittingWeightsTooFast';

/** Direct weights: rate-limited only while commit-reveal is off. */
const setWeightsRateLimit: CallCheck = ({ storage, signer, blockNumber }, args) => {
  const netuid = argNumber(args, 'netuid');
  return readBool(storage, 'commitRevealWeightsEnabled', netuid) ||
    passesRateLimit(storage, signer, netuid, blockNumber)
    ? undefined
    : 'SettingWeightsTooFast';
};

/**
 * CheckRateLimits (guards/check_rate_limits.rs@6d81084c): commits always, direct weights only while
 * commit-reveal is off, against `LastUpdate` of the signer's uid (an unregistered hotkey passes: the call then
 * fails at dispatch); `register_network` against the network rate limit.
 */
const checkRateLimits = guardOf({
  commit_weights: commitRateLimit,
  commit_mechanism_weights: commitRateLimit,
  set_weights: setWeightsRateLimit,
  set_mechanism_weights: setWeightsRateLimit,
  register_network: ({ storage, blockNumber }) =>
    BigInt(blockNumber) - readBig(storage, 'networkLastRegistered') >= readBig(storage, 'networkRateLimit')
      ? undefined
      : 'NetworkTxRateLimitExceeded',
});

/** `validate_serve_axon` on the call's endpoint. */
const serveAxonCheck: CallCheck = ({ storage, signer, blockNumber }, args) =>
  servingFailure(storage, signer, endpointOf(args, blockNumber), 'axons');

/** CheckServingEndpoints: `validate_serve_axon` / `validate_serve_prometheus`, as the dispatchables run them. */
const checkServingEndpoints = guardOf({
  serve_axon: serveAxonCheck,
  serve_axon_tls: serveAxonCheck,
  serve_prometheus: ({ storage, signer, blockNumber }, args) =>
    servingFailure(storage, signer, endpointOf(args, blockNumber), 'prometheus'),
});

const GUARDS: readonly Guard[] = [checkColdkeySwap, checkWeights, checkRateLimits, checkServingEndpoints];

function equalLengths(args: CallArgs, names: readonly string[]): GuardErrorName | undefined {
  const lengths = names.map((name) => (arg(args, name) as unknown as { length: number }).length);
  return lengths.every((length) => length === lengths[0]) ? undefined : 'InputLengthsUnequal';
}

function netuidsOf(args: CallArgs, name: string): number[] {
  return [...(arg(args, name) as unknown as Iterable<Codec>)].map((netuid) => Number(netuid.toString()));
}

/** `check_weights_min_stake` on every netuid: the subnet owner's hotkey always passes (§4.2). */
function minStakeOnEach(
  { storage, signer }: ValidityEnvironment,
  netuids: readonly number[],
): GuardErrorName | undefined {
  const short = netuids.some(
    (netuid) =>
      !(has(storage, 'subnetOwnerHotkey', netuid) && readAccount(storage, 'subnetOwnerHotkey', netuid) === signer) &&
      !hasMinimumWeightsStake(storage, signer, netuid),
  );
  return short ? 'NotEnoughStakeToSetWeights' : undefined;
}

/** `check_rate_limit` for the signer's uid; a hotkey without a uid passes (its call fails at dispatch). */
function passesRateLimit(storage: Storage, hotkey: string, netuid: number, block: number): boolean {
  const uid = readOptional<u16>(storage, 'uids', netuid, hotkey);
  return uid === undefined || passesWeightsRateLimit(storage, netuid, uid.toNumber(), block);
}

/** One reveal's payload, as the commit hash covers it. */
interface RevealPayload {
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly salt: readonly number[];
  readonly versionKey: bigint;
}

/** `reveal_weights` / `reveal_mechanism_weights`: {@link revealFailure} on the call's mechanism. */
function singleRevealFailure(environment: ValidityEnvironment, args: CallArgs): GuardErrorName | undefined {
  const mechanism = args.mecid === undefined ? 0 : argNumber(args, 'mecid');
  return revealFailure(environment, argNumber(args, 'netuid'), mechanism, {
    uids: argNumbers(args, 'uids'),
    values: argNumbers(args, 'values'),
    salt: argNumbers(args, 'salt'),
    versionKey: argBigInt(args, 'versionKey'),
  });
}

/** `check_batch_reveal`: every item as {@link revealFailure}, on the netuid's mechanism 0. */
function batchRevealFailure(environment: ValidityEnvironment, args: CallArgs): GuardErrorName | undefined {
  const [uidsList, valuesList, saltsList] = ['uidsList', 'valuesList', 'saltsList'].map((name) =>
    [...(arg(args, name) as unknown as Iterable<Iterable<INumber>>)].map((list) =>
      [...list].map((value) => value.toNumber()),
    ),
  );
  const versionKeys = [...(arg(args, 'versionKeys') as unknown as Iterable<INumber>)];
  const netuid = argNumber(args, 'netuid');
  for (const [index, versionKey] of versionKeys.entries()) {
    const failure = revealFailure(environment, netuid, 0, {
      uids: uidsList?.[index] ?? [],
      values: valuesList?.[index] ?? [],
      salt: saltsList?.[index] ?? [],
      versionKey: versionKey.toBigInt(),
    });
    if (failure !== undefined) {
      return failure;
    }
  }
  return undefined;
}

/**
 * A reveal's commit must be queued (`NoWeightsCommitFound`) and the block must be in its reveal epoch
 * (`RevealTooEarly`, also for an expired commit). Only mechanism 0 is simulated: another mechanism's queue
 * never exists.
 */
function revealFailure(
  { storage, signer, blockNumber }: ValidityEnvironment,
  netuid: number,
  mechanism: number,
  reveal: RevealPayload,
): GuardErrorName | undefined {
  const commits = mechanism === 0 ? readWeightCommits(storage, netuid, signer) : undefined;
  const hash = weightCommitHash(storage.registry, { hotkey: signer, netuid, ...reveal });
  const match = commits?.find((commit) => commit.hash === hash);
  if (match === undefined) {
    return 'NoWeightsCommitFound';
  }
  return isInRevealWindow(storage, netuid, match, blockNumber) ? undefined : 'RevealTooEarly';
}

/** `Drand.LastStoredRound`, 0 where the served runtime has no Drand pallet storage. */
function lastStoredDrandRound(storage: Storage): bigint {
  return storage.hasItem('drand', 'lastStoredRound') ? storage.get<INumber>('drand', 'lastStoredRound').toBigInt() : 0n;
}
