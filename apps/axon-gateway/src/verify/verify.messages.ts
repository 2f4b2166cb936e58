import type { AuthenticationHeaders, NotVerifiedCode } from '@taonode/protocol';

/** A verification job sent to a verify thread. */
export interface VerifyRequest {
  readonly id: number;
  readonly headers: AuthenticationHeaders;
  readonly ownHotkey: string;
}

/** A verify thread's answer: the verified hotkey, or the SDK's 401 reason text. */
export type VerifyResponse =
  | { readonly id: number; readonly ok: true }
  | { readonly id: number; readonly ok: false; readonly code: NotVerifiedCode; readonly reason: string }
  | { readonly id: number; readonly ok: false; readonly code: 'internal'; readonly reason: string };
