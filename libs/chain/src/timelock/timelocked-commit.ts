import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import {
  encodeLegacyWeightsPayload,
  encodeWeightsPayload,
  encryptTimelocked,
  isTimelockError,
  type RandomSource,
} from '@taonode/timelock';
import type { ChainClient } from '../client/chain-client';
import type { TimelockedCommitCall } from '../client/chain-features';
import { txFunction } from '../client/runtime-items';
import { ChainError } from '../errors/chain.error';
import type { ExtrinsicSubmitter, SubmissionResult, WaitFor } from '../extrinsic/extrinsic.submitter';
import type { TransactionSigner } from '../extrinsic/keypair-signer';
import type { U16Weights } from '../subtensor/subtensor-calls';
import { HOTKEY_PAYLOAD_VERSION, timelockRevealRound, type TimelockContext } from './timelock-context';
import { readTimelockContext } from './timelock-context.reader';

export interface TimelockedCommitRequest {
  readonly netuid: number;
  readonly mechanismId?: number;
  /** Already processed and converted to u16 (the weights-path's `prepareWeights`). */
  readonly weights: U16Weights;
  readonly versionKey: bigint;
  readonly waitFor?: WaitFor;
  /** Unix seconds now (wall time by default) and seconds per block (12 by default), for the reveal round. */
  readonly nowSeconds?: number;
  readonly blockTimeSeconds?: number;
  /** Where the commit's secrets come from; the OS CSPRNG unless a test injects one. */
  readonly random?: RandomSource;
}

/** A timelocked commit as built: what to send, and when the chain will open it. */
export interface TimelockedCommitPlan {
  readonly call: TimelockedCommitCall;
  /** The commit-reveal version sent (4: payload with hotkey; 3: legacy payload). */
  readonly version: number;
  readonly revealRound: number;
  readonly commitEpoch: number;
  readonly revealEpoch: number;
  readonly firstRevealBlock: number;
  /** The ciphertext, as `TimelockedWeightCommits` will hold it. */
  readonly commit: Uint8Array;
  /** blake2-256 of the commit, as the `TimelockedWeightsCommitted` / `CRV3WeightsCommitted` event carries it. */
  readonly commitHash: `0x${string}`;
  readonly context: TimelockContext;
}

export interface TimelockedCommitResult extends TimelockedCommitPlan {
  readonly submission: SubmissionResult;
}

/** Runtimes without `CommitRevealWeightsVersion` only have `commit_crv3_weights`, whose payload has no hotkey. */
const LEGACY_VERSION = 3;

function unsupported(message: string): ChainError {
  return new ChainError('TAONODE_CHAIN_UNSUPPORTED', message);
}

/**
 * Builds the timelocked commit the chain expects for `hotkey` on a subnet, from the chain's own context: payload
 * by `CommitRevealWeightsVersion` (v4 with the hotkey, legacy v3 without), reveal round from the epoch model,
 * reveal period and `Drand.BeaconConfig`, encrypted with fresh secrets to the chain's beacon key.
 */
export function planTimelockedCommit(
  context: TimelockContext,
  call: TimelockedCommitCall | undefined,
  hotkey: TransactionSigner,
  request: TimelockedCommitRequest,
): TimelockedCommitPlan {
  if (!context.commitRevealEnabled) {
    throw new ChainError(
      'TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH',
      `subnet ${context.netuid} has commit-reveal off: set weights directly`,
    );
  }
  if (call === undefined || context.beacon === undefined) {
    throw unsupported('this runtime has no timelocked commit call or no drand beacon');
  }
  const mechanismId = request.mechanismId ?? 0;
  if (call !== 'commitTimelockedMechanismWeights' && mechanismId !== 0) {
    throw unsupported(`this runtime has no mechanisms: only mechanism 0 can take a timelocked commit`);
  }
  const version = context.commitRevealVersion ?? LEGACY_VERSION;
  if (call === 'commitCrv3Weights' && version >= HOTKEY_PAYLOAD_VERSION) {
    throw unsupported(`the runtime asks for commit-reveal version ${version} but only has commit_crv3_weights`);
  }
  const fields = { uids: request.weights.uids, values: request.weights.values, versionKey: request.versionKey };
  const reveal = timelockRevealRound(context, request);
  try {
    const plaintext =
      version >= HOTKEY_PAYLOAD_VERSION
        ? encodeWeightsPayload({ ...fields, hotkey: hotkey.publicKey })
        : encodeLegacyWeightsPayload(fields);
    const commit = encryptTimelocked(
      { publicKey: context.beacon.publicKey, round: reveal.round, plaintext },
      request.random,
    );
    return {
      call,
      version,
      revealRound: reveal.round,
      commitEpoch: reveal.commitEpoch,
      revealEpoch: reveal.revealEpoch,
      firstRevealBlock: reveal.firstRevealBlock,
      commit,
      commitHash: blake2AsHex(commit, 256),
      context,
    };
  } catch (error) {
    if (isTimelockError(error)) {
      // Too many uids for the 5000-byte bound, a u16 out of range, a bad beacon key: not worth submitting.
      throw new ChainError('TAONODE_CHAIN_INVALID_ARGUMENT', error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * Reads the subnet's timelock context, builds the commit ({@link planTimelockedCommit}) and submits it with the
 * call this runtime has: `commit_timelocked_mechanism_weights` (v4), `commit_timelocked_weights`, or
 * `commit_crv3_weights` (v3 runtimes). The chain reveals it by itself at the reveal epoch.
 */
export async function commitTimelockedWeights(
  client: ChainClient,
  submitter: ExtrinsicSubmitter,
  hotkey: TransactionSigner,
  request: TimelockedCommitRequest,
): Promise<TimelockedCommitResult> {
  const context = await readTimelockContext(client, request.netuid);
  const plan = planTimelockedCommit(context, client.features.timelockedCommitCall(), hotkey, request);
  const create = txFunction(client.api, 'subtensorModule', plan.call);
  const mechanismId = request.mechanismId ?? 0;
  // As hex: @polkadot/types reads a Uint8Array given for `Bytes` as already length-prefixed SCALE.
  const commit = u8aToHex(plan.commit);
  const extrinsic = ((): ReturnType<typeof create> => {
    switch (plan.call) {
      case 'commitTimelockedMechanismWeights':
        return create(request.netuid, mechanismId, commit, plan.revealRound, plan.version);
      case 'commitTimelockedWeights':
        return create(request.netuid, commit, plan.revealRound, plan.version);
      case 'commitCrv3Weights':
        return create(request.netuid, commit, plan.revealRound);
    }
  })();
  const submission = await submitter.submit(extrinsic, hotkey, {
    waitFor: request.waitFor,
    what: `timelocked weights commit on subnet ${request.netuid}`,
  });
  return { ...plan, submission };
}
