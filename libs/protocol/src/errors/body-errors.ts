import { ProtocolError, type ErrorResponseBody } from './protocol-error';

/**
 * 422: the body is not JSON (Python `json.JSONDecodeError`). `pythonMessage` and `position` are what Python's
 * decoder reports ("Expecting value", char offset in code points); FastAPI answers with its own detail body and
 * without `bt_header_*` headers.
 */
export class JsonSyntaxError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_JSON_INVALID';
  readonly httpStatus = 422;

  constructor(
    readonly pythonMessage: string,
    /** Offset in code points, as Python counts. */
    readonly position: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${pythonMessage}: line ${line} column ${column} (char ${position})`);
  }

  override get carriesProtocolHeaders(): boolean {
    return false;
  }

  override responseBody(): ErrorResponseBody {
    return {
      detail: [
        {
          type: 'json_invalid',
          loc: ['body', this.position],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: this.pythonMessage },
        },
      ],
    };
  }
}

/**
 * 400: the body could not be read as JSON text for reasons other than syntax — invalid UTF-8, nesting beyond
 * Python's recursion limit, integer literals beyond Python's 4300-digit limit. FastAPI answers
 * `{"detail": "There was an error parsing the body"}`.
 */
export class BodyUnreadableError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_BODY_UNREADABLE';
  readonly httpStatus = 400;

  override get carriesProtocolHeaders(): boolean {
    return false;
  }

  override responseBody(): ErrorResponseBody {
    return { detail: 'There was an error parsing the body' };
  }
}

/** One pydantic-style validation failure. */
export interface ValidationIssue {
  /** pydantic error type, e.g. `missing`, `int_from_float`, `string_type`, `value_error`. */
  readonly type: string;
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly input: unknown;
}

/**
 * 500 (on the axon; 422 when the Python dendrite meets it in a response): values do not validate against the
 * synapse or model declaration. `message` is formatted like pydantic's `ValidationError`.
 */
export class SynapseValidationError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_SYNAPSE_INVALID';
  readonly httpStatus = 500;

  constructor(
    readonly title: string,
    readonly issues: readonly ValidationIssue[],
    message: string,
  ) {
    super(message);
  }
}

/** 500: the header `computed_body_hash` differs from the hash of the parsed body (the SDK's `ValueError`). */
export class BodyHashMismatchError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_BODY_HASH_MISMATCH';
  readonly httpStatus = 500;

  constructor(
    readonly headerHash: string,
    readonly bodyHash: string,
  ) {
    super(`Hash mismatch between header body hash ${headerHash} and parsed body hash ${bodyHash}`);
  }
}

/** 500: a hashed value contains a lone surrogate, which Python cannot UTF-8 encode (`UnicodeEncodeError`). */
export class BodyHashUnencodableError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_BODY_HASH_UNENCODABLE';
  readonly httpStatus = 500;

  constructor(readonly field: string) {
    super(`'utf-8' codec can't encode the value of ${field}: surrogates not allowed`);
  }
}

/**
 * 400 (taonode policy): the body's `timeout`, `dendrite` or `axon` data contradict the signed headers. Python
 * dendrites build both from one object, so they always agree; a mismatch is a forged or broken client.
 */
export class BodyHeaderMismatchError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_BODY_HEADER_MISMATCH';
  readonly httpStatus = 400;

  constructor(readonly field: string) {
    super(`Bad request: body ${field} contradicts the request headers`);
  }
}
