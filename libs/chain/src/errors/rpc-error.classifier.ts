import { ChainError } from './chain.error';

/**
 * Why the transaction pool refused a submission, from the JSON-RPC error substrate returns
 * (`1010 Invalid Transaction: <reason>`, `1012 temporarily banned`, `1013 already imported`, `1014 Priority is too low`).
 */
export type TransactionRejection =
  /** Nonce below the account nonce (`Transaction is outdated`, devnets: `stale`). Re-sync the nonce and resubmit. */
  | 'outdated'
  /** Nonce above the next expected one (`will be valid in the future`); a gap our own failed submission left. */
  | 'future'
  /** Another transaction with the same nonce and at least our priority is in the pool. */
  | 'priority-too-low'
  /** The identical transaction is already in the pool. */
  | 'already-imported'
  /** The pool banned this transaction hash for a while (it was recently invalid). */
  | 'banned'
  /** Any other invalidity (payment, bad proof, exhausted resources, custom validity errors). */
  | 'invalid';

interface ErrorLike {
  readonly message: string;
  readonly code?: unknown;
}

function asErrorLike(error: unknown): ErrorLike {
  if (error instanceof Error) {
    return { message: error.message, code: (error as { code?: unknown }).code };
  }
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message, code } = error as { message: unknown; code?: unknown };
    return { message: String(message), code };
  }
  return { message: String(error) };
}

/** First line of an error message: @polkadot/rpc-provider appends the failed request on a second line. */
function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return newline === -1 ? message : message.slice(0, newline);
}

/** The pool's reason for refusing a submission, or undefined when `error` is not a pool rejection. */
export function classifyTransactionRejection(error: unknown): TransactionRejection | undefined {
  const { message, code } = asErrorLike(error);
  const text = message.toLowerCase();
  const numeric = typeof code === 'number' ? code : Number.parseInt(message, 10);
  if (numeric === 1014 || text.includes('priority is too low')) {
    return 'priority-too-low';
  }
  if (numeric === 1013 || text.includes('already imported')) {
    return 'already-imported';
  }
  if (numeric === 1012 || text.includes('temporarily banned')) {
    return 'banned';
  }
  if (numeric === 1010 || text.includes('invalid transaction')) {
    if (text.includes('outdated') || text.includes('stale')) {
      return 'outdated';
    }
    if (text.includes('future')) {
      return 'future';
    }
    return 'invalid';
  }
  return undefined;
}

const RATE_LIMIT_PATTERN = /\b429\b|too many (requests|connections)|rate.?limit|server is busy/i;
const RATE_LIMIT_RPC_CODES: ReadonlySet<number> = new Set([-32029, -32604, -32999, 429]);
const DISCONNECT_PATTERN =
  /not connected|disconnected from|websocket is closed|econnrefused|econnreset|socket hang up|abnormal closure/i;
const TIMEOUT_PATTERN = /no response received from rpc endpoint|timed? ?out/i;
/** Socket errors that mean nobody is there to answer (nothing listens, the host name does not resolve). */
const REFUSED_PATTERN = /econnrefused|enotfound|eai_again/i;

/** Whether a websocket error says the endpoint refused the connection, rather than dropping or delaying it. */
export function isRefusedConnection(error: ChainError): boolean {
  return REFUSED_PATTERN.test(error.message);
}
const NOT_FOUND_SUBJECT = /block|header|state/i;
const NOT_FOUND_VERDICT = /not found|unknown|pruned|discarded/i;
const UNKNOWN_BLOCK = /unknown block/i;

/**
 * "(block|header|state) … (not found|unknown|pruned|discarded)" in that order. Two linear searches rather than one
 * `subject.*verdict` regex, which retries `.*` from every occurrence of the subject (quadratic on long messages);
 * the earliest subject leaves the longest tail, so checking only it is equivalent.
 */
function isNotFoundMessage(line: string): boolean {
  if (UNKNOWN_BLOCK.test(line)) {
    return true;
  }
  const subject = NOT_FOUND_SUBJECT.exec(line);
  return subject !== null && NOT_FOUND_VERDICT.test(line.slice(subject.index + subject[0].length));
}

/**
 * Translates anything @polkadot/api or the websocket threw into a {@link ChainError} with a stable code.
 * `context` says what was being done ("read metagraph of netuid 1"); it prefixes the message.
 * A ChainError passes through unchanged.
 */
export function toChainError(error: unknown, context: string): ChainError {
  if (error instanceof ChainError) {
    return error;
  }
  const { message, code } = asErrorLike(error);
  const line = firstLine(message);
  const text = `${context}: ${line}`;
  const numeric = typeof code === 'number' ? code : undefined;
  if ((numeric !== undefined && RATE_LIMIT_RPC_CODES.has(numeric)) || RATE_LIMIT_PATTERN.test(line)) {
    return new ChainError('TAONODE_CHAIN_RATE_LIMITED', text, { cause: error });
  }
  if (DISCONNECT_PATTERN.test(line)) {
    return new ChainError('TAONODE_CHAIN_DISCONNECTED', text, { cause: error });
  }
  if (TIMEOUT_PATTERN.test(line)) {
    return new ChainError('TAONODE_CHAIN_TIMEOUT', text, { cause: error });
  }
  const rejection = classifyTransactionRejection(error);
  if (rejection !== undefined) {
    return rejectionError(rejection, text, error);
  }
  if (isNotFoundMessage(line)) {
    return new ChainError('TAONODE_CHAIN_BLOCK_NOT_FOUND', text, { cause: error });
  }
  return new ChainError('TAONODE_CHAIN_RPC_ERROR', text, { cause: error });
}

function rejectionError(rejection: TransactionRejection, text: string, cause: unknown): ChainError {
  switch (rejection) {
    case 'outdated':
      return new ChainError('TAONODE_CHAIN_TX_OUTDATED', text, { cause });
    case 'priority-too-low':
      return new ChainError('TAONODE_CHAIN_PRIORITY_TOO_LOW', text, { cause });
    case 'future':
    case 'already-imported':
    case 'banned':
    case 'invalid':
      return new ChainError('TAONODE_CHAIN_INVALID_TRANSACTION', text, { cause });
  }
}
