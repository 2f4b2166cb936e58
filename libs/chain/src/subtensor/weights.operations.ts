import { randomInt } from 'node:crypto';
import type { bool, u64, Vec } from '@polkadot/types';
import { bestBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';
import { ChainError } from '../errors/chain.error';
import type { ExtrinsicSubmitter, SubmissionResult, WaitFor } from '../extrinsic/extrinsic.submitter';
import type { TransactionSigner } from '../extrinsic/keypair-signer';
import { mechanismStorageIndex, weightCommitHash } from '../weights/commit-hash';
import { convertWeightsAndUidsForEmit, InvalidWeightsError } from '../weights/convert-weights';
import { readUid } from './neuron-lookup';
import { commitWeightsCall, revealWeightsCall, setWeightsCall, type U16Weights } from './subtensor-calls';

/** What decides whether a hotkey may set weights now (protocol.md §6.3), read at the best block. */
export interface WeightsPreflight {
  readonly netuid: number;
  readonly uid: number;
  readonly currentBlock: number;
  /** `LastUpdate[netuid][uid]`. */
  readonly lastUpdate: number;
  readonly blocksSinceLastUpdate: number;
  /** `WeightsSetRateLimit[netuid]`. */
  readonly weightsRateLimit: number;
  /** The SDK's rule: `blocksSinceLastUpdate > weightsRateLimit` (the chain accepts `>=`). */
  readonly rateLimitElapsed: boolean;
  readonly commitRevealEnabled: boolean;
  readonly revealPeriodEpochs: number;
  /** `WeightsVersionKey[netuid]`: the smallest version key the chain accepts. */
  readonly weightsVersionKey: bigint;
}

/**
 * Reads the preflight facts for `hotkey` on `netuid`. Fails with `TAONODE_CHAIN_NOT_REGISTERED` when the
 * hotkey has no uid there.
 */
export async function preflightWeights(
  client: ChainClient,
  netuid: number,
  hotkey: string,
  mechanismId = 0,
): Promise<WeightsPreflight> {
  return client.call(`weights preflight on subnet ${netuid}`, async (api) => {
    const block = await bestBlock(api);
    const uid = await readUid(api, block.hash, netuid, hotkey);
    if (uid === undefined) {
      throw new ChainError('TAONODE_CHAIN_NOT_REGISTERED', `hotkey ${hotkey} is not registered on subnet ${netuid}`);
    }
    const entry = (item: string): ReturnType<typeof storageEntry> => storageEntry(api, 'subtensorModule', item);
    const [lastUpdates, rateLimit, commitReveal, revealPeriod, versionKey] = await queryStorageAt(api, block.hash, [
      storageQuery(entry('lastUpdate'), mechanismStorageIndex(netuid, mechanismId)),
      storageQuery(entry('weightsSetRateLimit'), netuid),
      storageQuery(entry('commitRevealWeightsEnabled'), netuid),
      storageQuery(entry('revealPeriodEpochs'), netuid),
      storageQuery(entry('weightsVersionKey'), netuid),
    ]);
    const lastUpdate = Number((lastUpdates as Vec<u64> | undefined)?.[uid]?.toBigInt() ?? 0n);
    const weightsRateLimit = Number((rateLimit as u64 | undefined)?.toBigInt() ?? 0n);
    const blocksSinceLastUpdate = block.number - lastUpdate;
    return {
      netuid,
      uid,
      currentBlock: block.number,
      lastUpdate,
      blocksSinceLastUpdate,
      weightsRateLimit,
      rateLimitElapsed: blocksSinceLastUpdate > weightsRateLimit,
      commitRevealEnabled: (commitReveal as bool | undefined)?.isTrue ?? false,
      revealPeriodEpochs: Number((revealPeriod as u64 | undefined)?.toBigInt() ?? 0n),
      weightsVersionKey: (versionKey as u64 | undefined)?.toBigInt() ?? 0n,
    };
  });
}

export interface WeightsRequest {
  readonly netuid: number;
  readonly uids: readonly number[];
  /** Float weights (any scale); converted as the SDK does (float32, max-upscaled, round-half-even u16). */
  readonly weights: readonly number[];
  /** Default: the subnet's `WeightsVersionKey` (the chain accepts any key at least that). */
  readonly versionKey?: bigint;
  readonly mechanismId?: number;
  readonly waitFor?: WaitFor;
}

function toU16(request: WeightsRequest): U16Weights {
  let converted: U16Weights;
  try {
    converted = convertWeightsAndUidsForEmit(request.uids, request.weights);
  } catch (error) {
    const message = error instanceof InvalidWeightsError ? error.message : String(error);
    throw new ChainError('TAONODE_CHAIN_INVALID_ARGUMENT', message, { cause: error });
  }
  if (converted.uids.length === 0) {
    throw new ChainError('TAONODE_CHAIN_INVALID_ARGUMENT', 'all weights are zero: nothing to set');
  }
  return converted;
}

/** Result of a weights extrinsic plus the u16 weights that went on chain. */
export interface WeightsSubmission {
  readonly submission: SubmissionResult;
  readonly weights: U16Weights;
  readonly versionKey: bigint;
  readonly preflight: WeightsPreflight;
}

/**
 * Sets weights directly, signed by the hotkey, after the SDK's preflight: registered
 * (`TAONODE_CHAIN_NOT_REGISTERED`), commit-reveal off (`TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH`: use
 * {@link commitWeights}), rate-limit window elapsed (`TAONODE_CHAIN_WEIGHTS_RATE_LIMITED`). Uses
 * `set_mechanism_weights` where the runtime has it, `set_weights` otherwise.
 */
export async function setWeights(
  client: ChainClient,
  submitter: ExtrinsicSubmitter,
  hotkey: TransactionSigner,
  request: WeightsRequest,
): Promise<WeightsSubmission> {
  const weights = toU16(request);
  const preflight = await preflightWeights(client, request.netuid, hotkey.ss58Address, request.mechanismId);
  if (preflight.commitRevealEnabled) {
    throw new ChainError(
      'TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH',
      `subnet ${request.netuid} has commit-reveal on: commit the weights and reveal them later`,
    );
  }
  if (!preflight.rateLimitElapsed) {
    const wait = preflight.weightsRateLimit - preflight.blocksSinceLastUpdate + 1;
    throw new ChainError(
      'TAONODE_CHAIN_WEIGHTS_RATE_LIMITED',
      `weights on subnet ${request.netuid} were set ${preflight.blocksSinceLastUpdate} blocks ago; the rate limit is ${preflight.weightsRateLimit}: wait ${wait} more block(s)`,
    );
  }
  const versionKey = request.versionKey ?? preflight.weightsVersionKey;
  const call = setWeightsCall(client.api, request.netuid, weights, versionKey, request.mechanismId);
  const submission = await submitter.submit(call, hotkey, {
    waitFor: request.waitFor,
    what: `set weights on subnet ${request.netuid}`,
  });
  return { submission, weights, versionKey, preflight };
}

/** Everything needed to reveal a commit later; keep it (the weight-setter stores it in Redis). */
export interface PendingReveal {
  readonly netuid: number;
  readonly mechanismId: number;
  readonly hotkey: string;
  readonly commitHash: `0x${string}`;
  readonly weights: U16Weights;
  readonly salt: readonly number[];
  readonly versionKey: bigint;
  /** Block the commit was included in (when known). */
  readonly commitBlock?: number;
}

/** Salt length the SDK uses for commit-reveal v2. */
const SALT_LENGTH = 8;

/**
 * Commits weights (commit-reveal v2): hashes them with subtensor.md §6.5 and submits
 * `commit_mechanism_weights` / `commit_weights`, signed by the hotkey. Requires commit-reveal on the subnet
 * (`TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH` otherwise). Returns what {@link revealWeights} needs.
 */
export async function commitWeights(
  client: ChainClient,
  submitter: ExtrinsicSubmitter,
  hotkey: TransactionSigner,
  request: WeightsRequest & { readonly salt?: readonly number[] },
): Promise<{ submission: SubmissionResult; reveal: PendingReveal; preflight: WeightsPreflight }> {
  const weights = toU16(request);
  const mechanismId = request.mechanismId ?? 0;
  const preflight = await preflightWeights(client, request.netuid, hotkey.ss58Address, mechanismId);
  if (!preflight.commitRevealEnabled) {
    throw new ChainError(
      'TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH',
      `subnet ${request.netuid} has commit-reveal off: set the weights directly`,
    );
  }
  const salt = request.salt ?? Array.from({ length: SALT_LENGTH }, () => randomInt(0, 65536));
  const versionKey = request.versionKey ?? preflight.weightsVersionKey;
  const commitHash = weightCommitHash({
    hotkey: hotkey.publicKey,
    netuidIndex: mechanismStorageIndex(request.netuid, mechanismId),
    uids: weights.uids,
    values: weights.values,
    salt,
    versionKey,
  });
  const submission = await submitter.submit(
    commitWeightsCall(client.api, request.netuid, commitHash, mechanismId),
    hotkey,
    { waitFor: request.waitFor, what: `commit weights on subnet ${request.netuid}` },
  );
  return {
    submission,
    preflight,
    reveal: {
      netuid: request.netuid,
      mechanismId,
      hotkey: hotkey.ss58Address,
      commitHash,
      weights,
      salt,
      versionKey,
      commitBlock: submission.blockNumber,
    },
  };
}

/** Reveals a commit made by {@link commitWeights}, signed by the same hotkey. */
export async function revealWeights(
  client: ChainClient,
  submitter: ExtrinsicSubmitter,
  hotkey: TransactionSigner,
  reveal: PendingReveal,
  options: { waitFor?: WaitFor } = {},
): Promise<SubmissionResult> {
  if (reveal.hotkey !== hotkey.ss58Address) {
    throw new ChainError(
      'TAONODE_CHAIN_INVALID_ARGUMENT',
      `commit ${reveal.commitHash} was made by ${reveal.hotkey}, not ${hotkey.ss58Address}`,
    );
  }
  return submitter.submit(
    revealWeightsCall(client.api, reveal.netuid, reveal.weights, reveal.salt, reveal.versionKey, reveal.mechanismId),
    hotkey,
    { waitFor: options.waitFor, what: `reveal weights on subnet ${reveal.netuid}` },
  );
}
