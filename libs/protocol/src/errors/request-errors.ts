import { pyFloatRepr } from '../python/py-float-repr';
import { pyRepr } from '../python/py-repr';
import { ProtocolError } from './protocol-error';

/** 400: the request path has no first segment (`InvalidRequestNameError`; the SDK's typo "parser" is kept). */
export class InvalidRequestNameError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_INVALID_REQUEST_NAME';
  readonly httpStatus = 400;

  constructor(readonly path: string) {
    super(`Improperly formatted request. Could not parser request ${path}.`);
  }
}

/** 404: no synapse is attached under the route name (`UnknownSynapseError`). */
export class UnknownSynapseError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_UNKNOWN_SYNAPSE';
  readonly httpStatus = 404;

  constructor(
    readonly requestName: string,
    readonly availableSynapses: readonly string[],
  ) {
    super(`Synapse name '${requestName}' not found. Available synapses ${pyRepr([...availableSynapses])}`);
  }
}

/**
 * 500: the headers do not build the synapse (the SDK's `SynapseParsingError`, which the Python axon turns into
 * "Internal Server Error #{id}"). `message` says which header and why.
 */
export class HeaderParseError extends ProtocolError {
  readonly code: 'TAONODE_PROTOCOL_HEADER_INVALID' | 'TAONODE_PROTOCOL_HEADER_DUPLICATE' =
    'TAONODE_PROTOCOL_HEADER_INVALID';
  readonly httpStatus = 500;

  constructor(
    message: string,
    readonly headerName?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * 500 (header-parse family): a protocol header arrives more than once, or two header names map to the same
 * field. Python silently keeps one of them; taonode refuses the ambiguity (which value was signed?).
 */
export class DuplicateHeaderError extends HeaderParseError {
  override readonly code = 'TAONODE_PROTOCOL_HEADER_DUPLICATE';

  constructor(headerName: string) {
    super(`Header ${headerName} appears more than once`, headerName);
  }
}

/** 403: the blacklist policy refused the caller (`BlacklistedException`). */
export class BlacklistedError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_BLACKLISTED';
  readonly httpStatus = 403;

  constructor(readonly reason: string) {
    super(`Forbidden. Key is blacklisted: ${reason}.`);
  }
}

/** 408: the priority stage timed out (`PriorityException` after `TimeoutError`). `timeout` is the synapse timeout. */
export class PriorityTimeoutError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_PRIORITY_TIMEOUT';
  readonly httpStatus = 408;

  constructor(readonly timeoutSeconds: number | null) {
    super(`Response timeout after: ${timeoutSeconds === null ? 'None' : pyFloatRepr(timeoutSeconds)}s`);
  }
}

/**
 * 503: load shedding by the priority queue — the status the SDK gives `PriorityException`, which the Python
 * dendrite records as a failure. The text is taonode's (the SDK never sheds load).
 */
export class OverloadedError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_OVERLOADED';
  readonly httpStatus = 503;

  constructor(reason = 'request shed by the priority queue') {
    super(`Service unavailable: ${reason}`);
  }
}

/** 500: an unexpected failure (forward function, a bug); the peer only sees "Internal Server Error #{id}". */
export class InternalProtocolError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_INTERNAL';
  readonly httpStatus = 500;
}
