import type { Hex } from '../state/block-state';

/** `TransactionStatus` as `author_extrinsicUpdate` notifications carry it (substrate's JSON shapes). */
export type TransactionStatus =
  | 'future'
  | 'ready'
  | 'invalid'
  | 'dropped'
  | { readonly inBlock: Hex }
  | { readonly finalized: Hex }
  | { readonly retracted: Hex }
  | { readonly usurped: Hex };

/** Statuses after which substrate ends the watch subscription. */
export function isFinalStatus(status: TransactionStatus): boolean {
  if (typeof status === 'string') {
    return status === 'invalid' || status === 'dropped';
  }
  return 'finalized' in status || 'usurped' in status;
}
