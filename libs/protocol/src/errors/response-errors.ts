import { ProtocolError } from './protocol-error';

/**
 * 500: the response cannot be put on the wire as the Python axon would (NaN/Infinity in the body, a header value
 * that is not latin-1, a lone surrogate) — Starlette fails the same way.
 */
export class ResponseEncodingError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_RESPONSE_UNENCODABLE';
  readonly httpStatus = 500;
}

/**
 * 422 "Failed to parse response: {detail}": what the Python dendrite records when a response does not parse
 * (wrong content type, invalid JSON, a body that does not build the synapse, bad status headers).
 */
export class ResponseParseError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_RESPONSE_UNPARSABLE';
  readonly httpStatus = 422;

  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Failed to parse response: ${detail}`, options);
  }

  override get wireMessage(): string {
    return this.message;
  }
}

/** taonode response signature (extra headers) missing or not valid for the request it answers. */
export class ResponseSignatureError extends ProtocolError {
  readonly httpStatus = 401;

  constructor(
    readonly code: 'TAONODE_PROTOCOL_RESPONSE_SIGNATURE_MISSING' | 'TAONODE_PROTOCOL_RESPONSE_SIGNATURE_INVALID',
    message: string,
  ) {
    super(message);
  }
}
