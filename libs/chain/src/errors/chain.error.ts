import { type ErrorKind, TaonodeError } from '@taonode/errors';

/**
 * Stable codes of every error `@taonode/chain` throws (documented in docs/errors.md, "## chain").
 * Codes never change meaning; callers switch on them, messages are for humans.
 */
export type ChainErrorCode =
  /** A call, connection attempt or transaction stage did not finish before its deadline. */
  | 'TAONODE_CHAIN_TIMEOUT'
  /** The websocket is down (or went down while a call was in flight); the client reconnects by itself. */
  | 'TAONODE_CHAIN_DISCONNECTED'
  /** No endpoint of the pool accepts connections (refused, or its host name does not resolve); one-shot connects only. */
  | 'TAONODE_CHAIN_UNREACHABLE'
  /** The endpoint refused us for rate or connection limits (HTTP 429, "Too many requests", busy server). */
  | 'TAONODE_CHAIN_RATE_LIMITED'
  /** The endpoint answered a JSON-RPC error that is none of the above. */
  | 'TAONODE_CHAIN_RPC_ERROR'
  /** An extrinsic was included but its dispatch failed with a pallet error; `moduleError` names it. */
  | 'TAONODE_CHAIN_MODULE_ERROR'
  /** An extrinsic was included but failed with a non-module dispatch error (BadOrigin, Token, Arithmetic…). */
  | 'TAONODE_CHAIN_DISPATCH_ERROR'
  /** The pool rejected the transaction as invalid (1010: payment, bad proof, exhausted resources…). */
  | 'TAONODE_CHAIN_INVALID_TRANSACTION'
  /** The nonce was already used (1010 "Transaction is outdated"/stale) and re-syncing did not help. */
  | 'TAONODE_CHAIN_TX_OUTDATED'
  /** A transaction with the same nonce and higher priority is in the pool (1014) and retries ran out. */
  | 'TAONODE_CHAIN_PRIORITY_TOO_LOW'
  /** The transaction left the pool without being included (dropped, usurped, invalid, retracted). */
  | 'TAONODE_CHAIN_TX_DROPPED'
  /** The runtime lacks a storage item, call or runtime API the operation needs. */
  | 'TAONODE_CHAIN_UNSUPPORTED'
  /** Bytes from the chain (runtime API result, storage value) did not decode with our type definitions. */
  | 'TAONODE_CHAIN_DECODE_ERROR'
  /** An unknown network name or malformed endpoint URL. */
  | 'TAONODE_CHAIN_INVALID_ENDPOINT'
  /** A block hash or number the chain does not know. */
  | 'TAONODE_CHAIN_BLOCK_NOT_FOUND'
  /** The subnet does not exist (`NetworksAdded` false). */
  | 'TAONODE_CHAIN_SUBNET_NOT_FOUND'
  /** The hotkey has no uid on the subnet. */
  | 'TAONODE_CHAIN_NOT_REGISTERED'
  /** Weights were set too recently: `blocks since last update <= WeightsSetRateLimit` (SDK rule). */
  | 'TAONODE_CHAIN_WEIGHTS_RATE_LIMITED'
  /** A direct `set_weights` was asked for while the subnet has commit-reveal on (or the reverse). */
  | 'TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH'
  /** An argument is outside what the chain accepts (bad IP, zero port, empty weights, negative amount…). */
  | 'TAONODE_CHAIN_INVALID_ARGUMENT'
  /** The account cannot pay the amount plus fees. */
  | 'TAONODE_CHAIN_INSUFFICIENT_BALANCE';

/** What each chain failure means to a caller, whatever the transport (gRPC status, HTTP status, CLI). */
const KIND_OF: Readonly<Record<ChainErrorCode, ErrorKind>> = {
  TAONODE_CHAIN_TIMEOUT: 'deadline-exceeded',
  TAONODE_CHAIN_DISCONNECTED: 'unavailable',
  TAONODE_CHAIN_UNREACHABLE: 'unavailable',
  TAONODE_CHAIN_RATE_LIMITED: 'unavailable',
  TAONODE_CHAIN_RPC_ERROR: 'internal',
  TAONODE_CHAIN_MODULE_ERROR: 'failed-precondition',
  TAONODE_CHAIN_DISPATCH_ERROR: 'failed-precondition',
  TAONODE_CHAIN_INVALID_TRANSACTION: 'failed-precondition',
  TAONODE_CHAIN_TX_OUTDATED: 'failed-precondition',
  TAONODE_CHAIN_PRIORITY_TOO_LOW: 'failed-precondition',
  TAONODE_CHAIN_TX_DROPPED: 'unavailable',
  TAONODE_CHAIN_UNSUPPORTED: 'unimplemented',
  TAONODE_CHAIN_DECODE_ERROR: 'internal',
  TAONODE_CHAIN_INVALID_ENDPOINT: 'invalid-argument',
  TAONODE_CHAIN_BLOCK_NOT_FOUND: 'not-found',
  TAONODE_CHAIN_SUBNET_NOT_FOUND: 'not-found',
  TAONODE_CHAIN_NOT_REGISTERED: 'failed-precondition',
  TAONODE_CHAIN_WEIGHTS_RATE_LIMITED: 'resource-exhausted',
  TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH: 'failed-precondition',
  TAONODE_CHAIN_INVALID_ARGUMENT: 'invalid-argument',
  TAONODE_CHAIN_INSUFFICIENT_BALANCE: 'failed-precondition',
};

/**
 * The one error class of `@taonode/chain`. Messages are single-line and carry no secrets (seeds, signatures
 * of unsent payloads); addresses, block hashes and pallet error names may appear.
 */
export class ChainError extends TaonodeError {
  override readonly name = 'ChainError';
  /** Transport-independent kind of the failure (see KIND_OF). */
  readonly kind: ErrorKind;
  /** `section.name` of a pallet error (`subtensorModule.SettingWeightsTooFast`) for `TAONODE_CHAIN_MODULE_ERROR`. */
  readonly moduleError?: string;
  /** Whether retrying the same operation later can succeed (timeouts, disconnects, rate limits). */
  readonly isTransient: boolean;

  constructor(
    /** Stable machine-readable code. */
    readonly code: ChainErrorCode,
    message: string,
    options: { cause?: unknown; moduleError?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = KIND_OF[code];
    this.moduleError = options.moduleError;
    this.isTransient = TRANSIENT_CODES.has(code);
  }
}

const TRANSIENT_CODES: ReadonlySet<ChainErrorCode> = new Set<ChainErrorCode>([
  'TAONODE_CHAIN_TIMEOUT',
  'TAONODE_CHAIN_DISCONNECTED',
  'TAONODE_CHAIN_UNREACHABLE',
  'TAONODE_CHAIN_RATE_LIMITED',
]);

/** True when `error` is a {@link ChainError}, optionally with the given code. */
export function isChainError(error: unknown, code?: ChainErrorCode): error is ChainError {
  return error instanceof ChainError && (code === undefined || error.code === code);
}
