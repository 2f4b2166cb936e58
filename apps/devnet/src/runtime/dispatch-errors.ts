import { ArithmeticDispatchError, DispatchError, OtherDispatchError, TokenDispatchError } from './dispatch-context';
import type { MetadataIndex } from './metadata-index';

/** A `sp_runtime::DispatchError` as an object `registry.createType` accepts for the metadata's type. */
export type DispatchErrorValue =
  | { readonly Module: { readonly index: number; readonly error: Uint8Array } }
  | { readonly Token: string }
  | { readonly Arithmetic: string }
  | { readonly Other: null }
  | { readonly BadOrigin: null }
  | { readonly CannotLookup: null };

/** True for the errors a call handler throws on purpose to fail the extrinsic. */
export function isDispatchFailure(error: unknown): boolean {
  return (
    error instanceof DispatchError ||
    error instanceof OtherDispatchError ||
    error instanceof TokenDispatchError ||
    error instanceof ArithmeticDispatchError
  );
}

/**
 * Maps a thrown dispatch failure to its `DispatchError` value. Module errors carry the pallet index and the
 * error's variant index from the metadata in the first byte of `error: [u8; 4]`, exactly as FRAME encodes them.
 * Anything else (a bug in a handler) becomes `DispatchError::Other`, where the real runtime would have panicked.
 */
export function toDispatchErrorValue(index: MetadataIndex, error: unknown): DispatchErrorValue {
  if (error instanceof DispatchError) {
    const { pallet, variant } = index.error(error.pallet, error.errorName);
    return { Module: { index: pallet.index, error: new Uint8Array([variant.index, 0, 0, 0]) } };
  }
  if (error instanceof TokenDispatchError) {
    return { Token: error.variant };
  }
  if (error instanceof ArithmeticDispatchError) {
    return { Arithmetic: error.variant };
  }
  if (error instanceof OtherDispatchError) {
    switch (error.variant) {
      case 'BadOrigin':
        return { BadOrigin: null };
      case 'CannotLookup':
        return { CannotLookup: null };
      case 'Other':
        return { Other: null };
    }
  }
  return { Other: null };
}
