import type { Vec } from '@polkadot/types';
import type { Codec, INumber, ITuple } from '@polkadot/types/types';
import { signedAccount, type DispatchContext } from '../../../runtime/dispatch-context';
import { isDispatchFailure, toDispatchErrorValue } from '../../../runtime/dispatch-errors';
import { MetadataIndex } from '../../../runtime/metadata-index';
import type { RuntimeMetadata } from '../../../runtime/runtime-metadata';
import { arg, argNumber } from '../call-args';
import { readBool } from '../state/subtensor-storage';
import { ensure, subtensorError } from '../subtensor-error';
import { doCommitWeights } from './commit-weights';
import { doRevealWeights, type Reveal } from './reveal-weights';
import { doSetWeights } from './set-weights';

const indexes = new WeakMap<RuntimeMetadata, MetadataIndex>();

function metadataIndex(runtime: RuntimeMetadata): MetadataIndex {
  let index = indexes.get(runtime);
  if (!index) {
    index = new MetadataIndex(runtime);
    indexes.set(runtime, index);
  }
  return index;
}

const numbers = (codec: Codec): number[] => [...(codec as Vec<INumber>)].map((value) => value.toNumber());

/**
 * Runs every item, each in its own storage layer, then reports: as the runtime collects all results before
 * depositing, the failures' events follow the items' own events — `BatchCompletedWithErrors` once, then
 * `BatchWeightItemFailed(error)` per failure — and the batch ends with `BatchWeightsCompleted(netuids, hotkey)`.
 * Only dispatch failures are collected; a bug still throws.
 */
function runBatch(context: DispatchContext, hotkey: string, netuids: number[], items: (() => void)[]): void {
  const failures: unknown[] = [];
  for (const item of items) {
    try {
      context.storage.transactional(item);
    } catch (error) {
      if (!isDispatchFailure(error)) {
        throw error;
      }
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    context.deposit('subtensorModule', 'BatchCompletedWithErrors', []);
  }
  for (const failure of failures) {
    context.deposit('subtensorModule', 'BatchWeightItemFailed', [
      toDispatchErrorValue(metadataIndex(context.storage.runtime), failure),
    ]);
  }
  context.deposit('subtensorModule', 'BatchWeightsCompleted', [netuids, hotkey]);
}

/**
 * `batch_set_weights(netuids, weights, version_keys)`: equal lengths (`InputLengthsUnequal`), then per subnet
 * `CommitRevealEnabled` when commit-reveal is on, else `do_set_weights` with all its checks.
 */
export function batchSetWeights(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const hotkey = signedAccount(context.origin);
  const netuids = numbers(arg(args, 'netuids'));
  const rows = [...arg<Vec<Vec<ITuple<[INumber, INumber]>>>>(args, 'weights')];
  const versionKeys = [...arg<Vec<INumber>>(args, 'versionKeys')].map((key) => key.toBigInt());
  ensure(netuids.length === rows.length && netuids.length === versionKeys.length, 'InputLengthsUnequal');
  runBatch(
    context,
    hotkey,
    netuids,
    netuids.map((netuid, index) => () => {
      if (readBool(context.storage, 'commitRevealWeightsEnabled', netuid)) {
        throw subtensorError('CommitRevealEnabled');
      }
      const row = [...(rows[index] ?? [])];
      doSetWeights(context, hotkey, {
        netuid,
        uids: row.map(([uid]) => uid.toNumber()),
        values: row.map(([, value]) => value.toNumber()),
        versionKey: versionKeys[index] ?? 0n,
      });
    }),
  );
}

/** `batch_commit_weights(netuids, commit_hashes)`: equal lengths, then `commit_weights` per subnet. */
export function batchCommitWeights(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const hotkey = signedAccount(context.origin);
  const netuids = numbers(arg(args, 'netuids'));
  const hashes = [...arg<Vec<Codec>>(args, 'commitHashes')].map((hash) => hash.toHex());
  ensure(netuids.length === hashes.length, 'InputLengthsUnequal');
  runBatch(
    context,
    hotkey,
    netuids,
    netuids.map((netuid, index) => () => doCommitWeights(context, hotkey, netuid, hashes[index] ?? '0x')),
  );
}

/**
 * `batch_reveal_weights(netuid, uids_list, values_list, salts_list, version_keys)`: all lists of equal length
 * (`InputLengthsUnequal`, checked before the origin), then every reveal validated before any is applied;
 * atomic, unlike the other batches. Emits `WeightsBatchRevealed(who, netuid, hashes)`.
 */
export function batchRevealWeights(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const lists = ['uidsList', 'valuesList', 'saltsList'].map((name) =>
    [...arg<Vec<Vec<INumber>>>(args, name)].map(numbers),
  );
  const versionKeys = [...arg<Vec<INumber>>(args, 'versionKeys')].map((key) => key.toBigInt());
  const [uidsList = [], valuesList = [], saltsList = []] = lists;
  const count = uidsList.length;
  ensure(
    valuesList.length === count && saltsList.length === count && versionKeys.length === count,
    'InputLengthsUnequal',
  );
  const hotkey = signedAccount(context.origin);
  const netuid = argNumber(args, 'netuid');
  const reveals: Reveal[] = uidsList.map((uids, index) => ({
    hotkey,
    netuid,
    uids,
    values: valuesList[index] ?? [],
    salt: saltsList[index] ?? [],
    versionKey: versionKeys[index] ?? 0n,
  }));
  const hashes = doRevealWeights(context, reveals);
  context.deposit('subtensorModule', 'WeightsBatchRevealed', [hotkey, netuid, hashes]);
}
