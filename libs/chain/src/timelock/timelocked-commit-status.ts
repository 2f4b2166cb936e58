import type { Bytes, Vec } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import type { Codec, INumber, ITuple } from '@polkadot/types/types';
import { blake2AsHex } from '@polkadot/util-crypto';
import type { ChainClient } from '../client/chain-client';
import { findStorageEntry } from '../client/runtime-items';
import type { U16Weights } from '../subtensor/subtensor-calls';
import { mechanismStorageIndex } from '../weights/commit-hash';

/** A timelocked commit we made, as the weight-setter remembers it until the chain has dealt with it. */
export interface TimelockedCommitRecord {
  readonly netuid: number;
  readonly mechanismId?: number;
  readonly hotkey: string;
  readonly uid: number;
  /** blake2-256 of the ciphertext (the `TimelockedWeightsCommitted` / `CRV3WeightsCommitted` hash). */
  readonly commitHash: `0x${string}`;
  readonly weights: U16Weights;
}

/**
 * Where a timelocked commit stands: still `queued` (in `TimelockedWeightCommits`, or `CRV3WeightCommits` on older
 * runtimes: its pulse or epoch has not come), `revealed` (gone, and our `Weights` row is what we committed), or
 * `vanished` (gone without our weights on chain: the chain dropped it — wrong round, a failed check, expiry).
 */
export type TimelockedCommitStatus = 'queued' | 'revealed' | 'vanished';

type QueuedEntry = ITuple<[AccountId32, ...Codec[]]>;

/** The ciphertext of a queue entry: `(who, block, commit, round)` at 424, `(who, commit, round)` before. */
function ciphertextOf(entry: QueuedEntry): Bytes | undefined {
  return [...entry].slice(1).find((field): field is Bytes => field.toRawType() === 'Bytes');
}

/** Reads where `record` stands now (two storage reads at the node's best state). */
export function readTimelockedCommitStatus(
  client: ChainClient,
  record: TimelockedCommitRecord,
): Promise<TimelockedCommitStatus> {
  return client.call(`timelocked commit ${record.commitHash}`, async (api) => {
    const index = mechanismStorageIndex(record.netuid, record.mechanismId ?? 0);
    const queue =
      findStorageEntry(api, 'subtensorModule', 'timelockedWeightCommits') ??
      findStorageEntry(api, 'subtensorModule', 'crv3WeightCommits');
    const buckets = queue ? ((await queue.entries(index)) as [unknown, Vec<QueuedEntry>][]) : [];
    const queued = buckets.some(([, entries]) =>
      entries.some((entry) => {
        const ciphertext = ciphertextOf(entry);
        return (
          entry[0].toString() === record.hotkey &&
          ciphertext !== undefined &&
          blake2AsHex(ciphertext.toU8a(true), 256) === record.commitHash
        );
      }),
    );
    if (queued) {
      return 'queued';
    }
    const weightsEntry = findStorageEntry(api, 'subtensorModule', 'weights');
    const row = weightsEntry
      ? ((await weightsEntry(index, record.uid)) as unknown as Vec<ITuple<[INumber, INumber]>>)
      : undefined;
    const onChain = (row ?? []).map(([uid, value]) => `${uid.toNumber()}:${value.toNumber()}`).sort();
    const committed = record.weights.uids.map((uid, i) => `${uid}:${record.weights.values[i] ?? 0}`).sort();
    return onChain.length === committed.length && onChain.every((cell, i) => cell === committed[i])
      ? 'revealed'
      : 'vanished';
  });
}
