import { u8aConcat } from '@polkadot/util';
import type { Chain } from '../chain/chain';
import type { DevnetRuntime } from '../runtime/devnet-runtime';
import { EventSink } from '../runtime/event-sink';
import type { DecodedExtrinsic } from './decoded-extrinsic';
import { InvalidTransactionError, UnknownTransactionError, type InvalidTransactionKind } from './transaction-validity';

/** `sp_runtime::InvalidTransaction` variant indices. */
const INVALID_INDEX: Readonly<Record<InvalidTransactionKind, number>> = {
  Call: 0,
  Payment: 1,
  Future: 2,
  Stale: 3,
  BadProof: 4,
  AncientBirthBlock: 5,
  ExhaustsResources: 6,
  Custom: 7,
  BadSigner: 10,
};
const UNKNOWN_INDEX = { CannotLookup: 0, NoUnsignedValidator: 1 } as const;

/**
 * `system_dryRun`: applies the extrinsic on a scratch copy of the best state as the first extrinsic of the next
 * block and answers the SCALE `ApplyExtrinsicResult` (`Result<Result<(), DispatchError>, TransactionValidityError>`).
 * Nothing is kept.
 */
export function dryRun(runtime: DevnetRuntime, chain: Chain, decoded: DecodedExtrinsic): Uint8Array {
  const best = chain.best;
  const storage = chain.storageAt(best.hash);
  const number = best.number + 1;
  storage.set('system', 'number', [], number);
  storage.set('system', 'blockHash', [best.number], best.hash);
  const events = new EventSink(runtime.encoder);
  events.setPhase({ kind: 'ApplyExtrinsic', index: 1 });
  try {
    const applied = runtime.applier.apply(decoded, { storage, events, blockNumber: number });
    if (applied.success || !applied.error) {
      return new Uint8Array([0, 0]);
    }
    const error = runtime.metadata.registry.createTypeUnsafe(dispatchErrorType(runtime), [applied.error]).toU8a();
    return u8aConcat(new Uint8Array([0, 1]), error);
  } catch (error) {
    if (error instanceof InvalidTransactionError) {
      const custom = error.kind === 'Custom' ? [error.customCode ?? 0] : [];
      return new Uint8Array([1, 0, INVALID_INDEX[error.kind], ...custom]);
    }
    if (error instanceof UnknownTransactionError) {
      return new Uint8Array([1, 1, UNKNOWN_INDEX[error.kind]]);
    }
    throw error;
  }
}

/** The metadata's `DispatchError` type, as `System.ExtrinsicFailed` declares its first field. */
function dispatchErrorType(runtime: DevnetRuntime): string {
  const [type] = runtime.index.event('system', 'ExtrinsicFailed').variant.fieldTypes;
  if (!type) {
    throw new TypeError('System.ExtrinsicFailed has no fields in the metadata');
  }
  return type;
}
