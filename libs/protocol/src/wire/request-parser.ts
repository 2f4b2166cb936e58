import { BodyHashMismatchError, BodyHeaderMismatchError } from '../errors/body-errors';
import { isProtocolError } from '../errors/protocol-error';
import { InternalProtocolError } from '../errors/request-errors';
import { parseLosslessJson } from '../json/lossless-json-parser';
import type { FieldShape } from '../synapse/py-type';
import type { SynapseDefinition, SynapseValues } from '../synapse/synapse-definition';
import { emptyTerminalInfo, TERMINAL_INFO_FIELDS, type TerminalInfo } from '../synapse/terminal-info';
import { decodeJsonBody } from './body-text';
import type { HeaderInput } from './header-map';
import { parseRequestHeaders, type ParsedRequestHeaders, type ParseRequestHeadersOptions } from './request-headers';

/** A request the gateway can act on: typed headers, the body-derived synapse, and its (checked) body hash. */
export interface ParsedRequest<S extends FieldShape> {
  readonly headers: ParsedRequestHeaders;
  /** Built from the JSON body with the SDK's validation (never from the input_obj header dummies). */
  readonly synapse: SynapseValues<S>;
  /** Body hash recomputed from `synapse`; equal to the `computed_body_hash` header. */
  readonly bodyHash: string;
}

/** Options of {@link parseRequest}. */
export interface ParseRequestOptions extends ParseRequestHeadersOptions {
  /**
   * taonode policy (default true): the body's `timeout`, `dendrite` and `axon` must equal what the headers say.
   * Python dendrites build both from the same object; the body copies are otherwise unauthenticated.
   */
  readonly requireBodyMatchesHeaders?: boolean;
}

/** The raw request as received. */
export interface RawRequest {
  readonly headers: HeaderInput;
  readonly body: string | Uint8Array;
}

/**
 * Decodes and validates a JSON body into the synapse, like the Python axon's `SynapseClass(**json.loads(body))`:
 * lossless numbers, pydantic lax coercion, unknown keys ignored. Throws `JsonSyntaxError` (422),
 * `BodyUnreadableError` (400) or `SynapseValidationError` (500).
 */
export function parseRequestBody<S extends FieldShape>(
  definition: SynapseDefinition<S>,
  body: string | Uint8Array,
): SynapseValues<S> {
  return definition.validate(parseLosslessJson(decodeJsonBody(body)));
}

/**
 * Recomputes the body hash and compares it with the `computed_body_hash` header (absent counts as `""`, as in
 * the SDK, so it never matches). Returns the hash; throws {@link BodyHashMismatchError} (500).
 */
export function checkBodyHash<S extends FieldShape>(
  definition: SynapseDefinition<S>,
  synapse: SynapseValues<S>,
  headerHash: string | null,
): string {
  const bodyHash = definition.bodyHash(synapse);
  const expected = headerHash ?? '';
  if (bodyHash !== expected) {
    throw new BodyHashMismatchError(expected, bodyHash);
  }
  return bodyHash;
}

function sameTerminalInfo(header: TerminalInfo, body: TerminalInfo | null): string | null {
  const other = body ?? emptyTerminalInfo();
  for (const field of TERMINAL_INFO_FIELDS) {
    if (!Object.is(header[field], other[field])) {
      return field;
    }
  }
  return null;
}

/** taonode policy: throws {@link BodyHeaderMismatchError} (400) when body metadata contradicts the headers. */
export function checkBodyMatchesHeaders(headers: ParsedRequestHeaders, synapse: SynapseValues<FieldShape>): void {
  if (!Object.is(headers.timeout, synapse.timeout)) {
    throw new BodyHeaderMismatchError('timeout');
  }
  const dendriteField = sameTerminalInfo(headers.dendrite, synapse.dendrite);
  if (dendriteField !== null) {
    throw new BodyHeaderMismatchError(`dendrite.${dendriteField}`);
  }
  const axonField = sameTerminalInfo(headers.axon, synapse.axon);
  if (axonField !== null) {
    throw new BodyHeaderMismatchError(`axon.${axonField}`);
  }
}

function asProtocolError(error: unknown): Error {
  return isProtocolError(error)
    ? error
    : new InternalProtocolError('Unexpected failure while parsing a request', { cause: error });
}

/**
 * The body half of {@link parseRequest}, for gateways that parsed (and acted on) the headers first: body →
 * synapse, body hash check, body/header consistency. Throws only `ProtocolError`s.
 */
export function parseRequestBodyFor<S extends FieldShape>(
  definition: SynapseDefinition<S>,
  headers: ParsedRequestHeaders,
  body: string | Uint8Array,
  options: ParseRequestOptions = {},
): ParsedRequest<S> {
  try {
    const synapse = parseRequestBody(definition, body);
    const bodyHash = checkBodyHash(definition, synapse, headers.computedBodyHash);
    if (options.requireBodyMatchesHeaders ?? true) {
      checkBodyMatchesHeaders(headers, synapse);
    }
    return { headers, synapse, bodyHash };
  } catch (error) {
    throw asProtocolError(error);
  }
}

/**
 * Parses a request to a synapse route the way the Python axon reads it, with taonode's stricter rules:
 * headers (typed, exact integers), body (lossless JSON + pydantic-like validation), body hash recomputed and
 * compared, body metadata checked against the headers. Signature and nonce checks are separate
 * (`authenticateRequest`). Every failure is a `ProtocolError` carrying the Python status code.
 */
export function parseRequest<S extends FieldShape>(
  definition: SynapseDefinition<S>,
  request: RawRequest,
  options: ParseRequestOptions = {},
): ParsedRequest<S> {
  let headers: ParsedRequestHeaders;
  try {
    headers = parseRequestHeaders(request.headers, options);
  } catch (error) {
    throw asProtocolError(error);
  }
  return parseRequestBodyFor(definition, headers, request.body, options);
}
