import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { MAX_COMMIT_BYTES } from '@taonode/timelock';
import { BadExtrinsicFormatError } from '../../../extrinsic/transaction-validity';
import type { CallArgs, CallValidity } from '../../../runtime/call-definition';
import type { CallHandler, DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import { argBigInt, argBytes, argNumber } from '../call-args';
import { currentEpochWithLookahead } from '../epoch/epoch-schedule';
import { readBool, readNum, readOptional } from '../state/subtensor-storage';
import { setAt } from '../state/uid-vectors';
import { ensure, subtensorError } from '../subtensor-error';
import {
  mechanismCount,
  mechanismStorageIndex,
  readTimelockedBucket,
  writeTimelockedBucket,
} from './timelocked-commits';
import { passesWeightsRateLimit } from './weight-checks';
import { MAX_UNREVEALED_COMMITS } from './weight-commits';

/** What `commit_crv3_mechanism_weights` forwards as its version (it has no version argument). */
const CRV3_MECHANISM_VERSION = 4;

interface TimelockedCommitRequest {
  readonly netuid: number;
  readonly mecid: number;
  readonly commit: Uint8Array;
  readonly revealRound: bigint;
  readonly version: number;
}

/**
 * `internal_commit_timelocked_weights` (spec 424, subnets/weights.rs), the checks in the runtime's order:
 * mechanism exists (`MechanismDoesNotExist`), signed, commit-reveal on (`CommitRevealDisabled`), version =
 * `CommitRevealWeightsVersion` (`IncorrectCommitRevealVersion`), hotkey registered (`HotKeyNotRegisteredInSubNet`),
 * weights rate limit (`CommittingWeightsTooFast`), fewer than 10 of the hotkey's commits in the bucket of the
 * current epoch (with look-ahead) (`TooManyUnrevealedCommits`). Then `(who, block, commit, reveal_round)` is
 * pushed to `TimelockedWeightCommits(netuid_index, epoch)`, `TimelockedWeightsCommitted(who, netuid_index,
 * blake2_256(commit), reveal_round)` emitted and `LastUpdate` moved. The reveal round is not checked here.
 */
function commitTimelocked(context: DispatchContext, request: TimelockedCommitRequest): void {
  const { storage, blockNumber } = context;
  const { netuid, mecid, commit, revealRound, version } = request;
  ensure(mecid < mechanismCount(storage, netuid), 'MechanismDoesNotExist');
  const hotkey = signedAccount(context.origin);
  ensure(readBool(storage, 'commitRevealWeightsEnabled', netuid), 'CommitRevealDisabled');
  ensure(version === readNum(storage, 'commitRevealWeightsVersion'), 'IncorrectCommitRevealVersion');
  const uid = readOptional<Codec & { toNumber(): number }>(storage, 'uids', netuid, hotkey)?.toNumber();
  if (uid === undefined) {
    throw subtensorError('HotKeyNotRegisteredInSubNet');
  }
  ensure(passesWeightsRateLimit(storage, netuid, uid, blockNumber), 'CommittingWeightsTooFast');

  const index = mechanismStorageIndex(netuid, mecid);
  const epoch = currentEpochWithLookahead(storage, netuid, blockNumber);
  const bucket = readTimelockedBucket(storage, index, epoch);
  ensure(bucket.filter((entry) => entry.who === hotkey).length < MAX_UNREVEALED_COMMITS, 'TooManyUnrevealedCommits');
  writeTimelockedBucket(storage, index, epoch, [
    ...bucket,
    { who: hotkey, commitBlock: blockNumber, ciphertext: u8aToHex(commit), revealRound },
  ]);
  context.deposit('subtensorModule', 'TimelockedWeightsCommitted', [
    hotkey,
    index,
    u8aToHex(blake2AsU8a(commit, 256)),
    revealRound,
  ]);
  setAt(storage, 'lastUpdate', index, uid, BigInt(blockNumber));
}

/**
 * The commit is a `BoundedVec<u8, 5000>` on chain: a longer one does not even decode, so the node refuses the
 * transaction as malformed (1001) before any other check; otherwise `inner` (the transaction extension's guards).
 */
export function withCommitSizeBound(inner: CallValidity): CallValidity {
  return (environment, args) => {
    if (argBytes(args, 'commit').length > MAX_COMMIT_BYTES) {
      throw new BadExtrinsicFormatError(`commit: longer than BoundedVec<u8, ${MAX_COMMIT_BYTES}>`);
    }
    return inner(environment, args);
  };
}

function request(args: CallArgs, mecid: number, version: number): TimelockedCommitRequest {
  return {
    netuid: argNumber(args, 'netuid'),
    mecid,
    commit: argBytes(args, 'commit'),
    revealRound: argBigInt(args, 'revealRound'),
    version,
  };
}

/** `commit_timelocked_weights(netuid, commit, reveal_round, commit_reveal_version)`: mechanism 0. */
export const commitTimelockedWeights: CallHandler = (context, args) =>
  commitTimelocked(context, request(args, 0, argNumber(args, 'commitRevealVersion')));

/** `commit_timelocked_mechanism_weights(netuid, mecid, commit, reveal_round, commit_reveal_version)`. */
export const commitTimelockedMechanismWeights: CallHandler = (context, args) =>
  commitTimelocked(context, request(args, argNumber(args, 'mecid'), argNumber(args, 'commitRevealVersion')));

/** `commit_crv3_mechanism_weights(netuid, mecid, commit, reveal_round)`: the same with version 4. */
export const commitCrv3MechanismWeights: CallHandler = (context, args) =>
  commitTimelocked(context, request(args, argNumber(args, 'mecid'), CRV3_MECHANISM_VERSION));
