import { randomUUID } from 'node:crypto';

/**
 * Stable codes of every error `@taonode/protocol` throws or reports (documented in docs/errors.md, "## protocol").
 * Codes never change meaning; callers switch on them, messages are for humans.
 */
export type ProtocolErrorCode =
  | 'PROTOCOL_INVALID_REQUEST_NAME'
  | 'PROTOCOL_UNKNOWN_SYNAPSE'
  | 'PROTOCOL_HEADER_INVALID'
  | 'PROTOCOL_HEADER_DUPLICATE'
  | 'PROTOCOL_BLACKLISTED'
  | 'PROTOCOL_HOTKEY_MISSING'
  | 'PROTOCOL_HOTKEY_INVALID'
  | 'PROTOCOL_NONCE_MISSING'
  | 'PROTOCOL_NONCE_TOO_OLD'
  | 'PROTOCOL_NONCE_NOT_NEWER'
  | 'PROTOCOL_NONCE_IN_FUTURE'
  | 'PROTOCOL_SIGNATURE_MISSING'
  | 'PROTOCOL_SIGNATURE_MALFORMED'
  | 'PROTOCOL_SIGNATURE_MISMATCH'
  | 'PROTOCOL_PRIORITY_TIMEOUT'
  | 'PROTOCOL_OVERLOADED'
  | 'PROTOCOL_JSON_INVALID'
  | 'PROTOCOL_BODY_UNREADABLE'
  | 'PROTOCOL_SYNAPSE_INVALID'
  | 'PROTOCOL_BODY_HASH_MISMATCH'
  | 'PROTOCOL_BODY_HASH_UNENCODABLE'
  | 'PROTOCOL_BODY_HEADER_MISMATCH'
  | 'PROTOCOL_INTERNAL'
  | 'PROTOCOL_RESPONSE_UNENCODABLE'
  | 'PROTOCOL_RESPONSE_UNPARSABLE'
  | 'PROTOCOL_RESPONSE_SIGNATURE_MISSING'
  | 'PROTOCOL_RESPONSE_SIGNATURE_INVALID'
  | 'PROTOCOL_TRANSPORT_FAILURE'
  | 'PROTOCOL_DEFINITION_INVALID'
  | 'PROTOCOL_VERSION_INVALID'
  | 'PROTOCOL_IP_INVALID'
  | 'PROTOCOL_SIGNING_FAILED';

/** The JSON body an error response carries (`{"message": …}` for the axon's own errors). */
export type ErrorResponseBody =
  { readonly message: string } | { readonly detail: string | readonly Readonly<Record<string, unknown>>[] };

/** The text the Python axon sends for unexpected failures; details are only logged, under the same id. */
export function internalServerErrorMessage(errorId: string): string {
  return `Internal Server Error #${errorId}`;
}

/**
 * Base of every protocol error. `message` is the detailed text for logs; `wireMessage` is what the Python axon
 * would put on the wire (`{"message": …}` and `bt_header_axon_status_message`) — for 500s that is
 * "Internal Server Error #{errorId}" and the details stay server-side, exactly like the SDK.
 */
export abstract class ProtocolError extends Error {
  abstract readonly code: ProtocolErrorCode;
  /** HTTP status the Python axon answers (or the status the Python dendrite records) for this failure. */
  abstract readonly httpStatus: number;
  /** Correlates the public 500 text with the logged details (uuid4, as the SDK does). */
  readonly errorId: string = randomUUID();

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
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
