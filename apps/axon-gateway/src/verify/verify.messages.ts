import type { NotVerifiedCode } from '@taonode/protocol';

/**
 * One verification, as the few strings the check reads (never the whole parsed head): id, then the dendrite's
 * hotkey, nonce (decimal), uuid and signature, then the `computed_body_hash` header; `null` where the header was
 * absent.
 */
export type VerifyItem = readonly [
  id: number,
  hotkey: string | null,
  nonce: string | null,
  uuid: string | null,
  signature: string | null,
  computedBodyHash: string | null,
];

/**
 * The verifications gathered during one turn of the gateway's event loop, sent to a verify thread as one message:
 * a message costs about as much as a verification on each side, so one per request would double the work.
 */
export interface VerifyBatch {
  readonly ownHotkey: string;
  readonly items: readonly VerifyItem[];
}

/** A verify thread's answer to one item: valid, or the SDK's 401 reason text. */
export type VerifyOutcome =
  | readonly [id: number, code: 'ok']
  | readonly [id: number, code: NotVerifiedCode, reason: string]
  | readonly [id: number, code: 'internal', reason: string];

/** A verify thread's answer to one batch, item for item. */
export type VerifyBatchResult = readonly VerifyOutcome[];
