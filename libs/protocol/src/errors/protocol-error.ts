import { randomUUID } from 'node:crypto';
import { type ErrorKind, TaonodeError } from '@taonode/errors';

/**
 * Stable codes of every error `@taonode/protocol` throws or reports (documented in docs/errors.md, "## protocol").
 * Codes never change meaning; callers switch on them, messages are for humans.
 */
export type ProtocolErrorCode =
  | 'TAONODE_PROTOCOL_INVALID_REQUEST_NAME'
  | 'TAONODE_PROTOCOL_UNKNOWN_SYNAPSE'
  | 'TAONODE_PROTOCOL_HEADER_INVALID'
  | 'TAONODE_PROTOCOL_HEADER_DUPLICATE'
  | 'TAONODE_PROTOCOL_BLACKLISTED'
  | 'TAONODE_PROTOCOL_HOTKEY_MISSING'
  | 'TAONODE_PROTOCOL_HOTKEY_INVALID'
  | 'TAONODE_PROTOCOL_NONCE_MISSING'
  | 'TAONODE_PROTOCOL_NONCE_TOO_OLD'
  | 'TAONODE_PROTOCOL_NONCE_NOT_NEWER'
  | 'TAONODE_PROTOCOL_NONCE_IN_FUTURE'
  | 'TAONODE_PROTOCOL_SIGNATURE_MISSING'
  | 'TAONODE_PROTOCOL_SIGNATURE_MALFORMED'
  | 'TAONODE_PROTOCOL_SIGNATURE_MISMATCH'
  | 'TAONODE_PROTOCOL_PRIORITY_TIMEOUT'
  | 'TAONODE_PROTOCOL_OVERLOADED'
  | 'TAONODE_PROTOCOL_JSON_INVALID'
  | 'TAONODE_PROTOCOL_BODY_UNREADABLE'
  | 'TAONODE_PROTOCOL_SYNAPSE_INVALID'
  | 'TAONODE_PROTOCOL_BODY_HASH_MISMATCH'
  | 'TAONODE_PROTOCOL_BODY_HASH_UNENCODABLE'
  | 'TAONODE_PROTOCOL_BODY_HEADER_MISMATCH'
  | 'TAONODE_PROTOCOL_INTERNAL'
  | 'TAONODE_PROTOCOL_RESPONSE_UNENCODABLE'
  | 'TAONODE_PROTOCOL_RESPONSE_UNPARSABLE'
  | 'TAONODE_PROTOCOL_RESPONSE_SIGNATURE_MISSING'
  | 'TAONODE_PROTOCOL_RESPONSE_SIGNATURE_INVALID'
  | 'TAONODE_PROTOCOL_TRANSPORT_FAILURE'
  | 'TAONODE_PROTOCOL_DEFINITION_INVALID'
  | 'TAONODE_PROTOCOL_VERSION_INVALID'
  | 'TAONODE_PROTOCOL_IP_INVALID'
  | 'TAONODE_PROTOCOL_SIGNING_FAILED';

/** The JSON body an error response carries (`{"message": …}` for the axon's own errors). */
export type ErrorResponseBody =
  { readonly message: string } | { readonly detail: string | readonly Readonly<Record<string, unknown>>[] };

/** The text the Python axon sends for unexpected failures; details are only logged, under the same id. */
export function internalServerErrorMessage(errorId: string): string {
  return `Internal Server Error #${errorId}`;
}

/**
 * What each code means to a caller outside the axon protocol (gRPC, HTTP APIs, metrics), whatever HTTP status the
 * Python SDK gives it: a header that does not parse is the caller's bad input even though the SDK answers 500.
 */
const KIND_OF: Readonly<Record<ProtocolErrorCode, ErrorKind>> = {
  TAONODE_PROTOCOL_INVALID_REQUEST_NAME: 'invalid-argument',
  TAONODE_PROTOCOL_UNKNOWN_SYNAPSE: 'not-found',
  TAONODE_PROTOCOL_HEADER_INVALID: 'invalid-argument',
  TAONODE_PROTOCOL_HEADER_DUPLICATE: 'invalid-argument',
  TAONODE_PROTOCOL_BLACKLISTED: 'permission-denied',
  TAONODE_PROTOCOL_HOTKEY_MISSING: 'unauthenticated',
  TAONODE_PROTOCOL_HOTKEY_INVALID: 'unauthenticated',
  TAONODE_PROTOCOL_NONCE_MISSING: 'unauthenticated',
  TAONODE_PROTOCOL_NONCE_TOO_OLD: 'unauthenticated',
  TAONODE_PROTOCOL_NONCE_NOT_NEWER: 'unauthenticated',
  TAONODE_PROTOCOL_NONCE_IN_FUTURE: 'unauthenticated',
  TAONODE_PROTOCOL_SIGNATURE_MISSING: 'unauthenticated',
  TAONODE_PROTOCOL_SIGNATURE_MALFORMED: 'unauthenticated',
  TAONODE_PROTOCOL_SIGNATURE_MISMATCH: 'unauthenticated',
  TAONODE_PROTOCOL_PRIORITY_TIMEOUT: 'deadline-exceeded',
  TAONODE_PROTOCOL_OVERLOADED: 'resource-exhausted',
  TAONODE_PROTOCOL_JSON_INVALID: 'invalid-argument',
  TAONODE_PROTOCOL_BODY_UNREADABLE: 'invalid-argument',
  TAONODE_PROTOCOL_SYNAPSE_INVALID: 'invalid-argument',
  TAONODE_PROTOCOL_BODY_HASH_MISMATCH: 'invalid-argument',
  TAONODE_PROTOCOL_BODY_HASH_UNENCODABLE: 'invalid-argument',
  TAONODE_PROTOCOL_BODY_HEADER_MISMATCH: 'invalid-argument',
  TAONODE_PROTOCOL_INTERNAL: 'internal',
  TAONODE_PROTOCOL_RESPONSE_UNENCODABLE: 'internal',
  TAONODE_PROTOCOL_RESPONSE_UNPARSABLE: 'internal',
  TAONODE_PROTOCOL_RESPONSE_SIGNATURE_MISSING: 'unauthenticated',
  TAONODE_PROTOCOL_RESPONSE_SIGNATURE_INVALID: 'unauthenticated',
  TAONODE_PROTOCOL_TRANSPORT_FAILURE: 'unavailable',
  TAONODE_PROTOCOL_DEFINITION_INVALID: 'internal',
  TAONODE_PROTOCOL_VERSION_INVALID: 'invalid-argument',
  TAONODE_PROTOCOL_IP_INVALID: 'invalid-argument',
  TAONODE_PROTOCOL_SIGNING_FAILED: 'internal',
};

/**
 * Base of every protocol error. `message` is the detailed text for logs; `wireMessage` is what the Python axon
 * would put on the wire (`{"message": …}` and `bt_header_axon_status_message`) — for 500s that is
 * "Internal Server Error #{errorId}" and the details stay server-side, exactly like the SDK.
 */
export abstract class ProtocolError extends TaonodeError {
  abstract override readonly code: ProtocolErrorCode;
  /** HTTP status the Python axon answers (or the status the Python dendrite records) for this failure. */
  abstract readonly httpStatus: number;
  /** Correlates the public 500 text with the logged details (uuid4, as the SDK does). */
  readonly errorId: string = randomUUID();

  /** Transport-independent kind of this failure (see KIND_OF). */
  get kind(): ErrorKind {
    return KIND_OF[this.code];
  }

  /** Message sent to the peer: the detailed message, except for 500s which hide details behind the error id. */
  get wireMessage(): string {
    return this.httpStatus === 500 ? internalServerErrorMessage(this.errorId) : this.message;
  }

  /** Whether the Python axon attaches the `bt_header_*` family to this error response (FastAPI's own errors do not). */
  get carriesProtocolHeaders(): boolean {
    return true;
  }

  /** JSON body of the error response. */
  responseBody(): ErrorResponseBody {
    return { message: this.wireMessage };
  }
}

/** True when `error` is a {@link ProtocolError}, optionally with the given code. */
export function isProtocolError(error: unknown, code?: ProtocolErrorCode): error is ProtocolError {
  return error instanceof ProtocolError && (code === undefined || error.code === code);
}
