import { isProtocolError, type ProtocolError } from '../errors/protocol-error';
import { ResponseParseError } from '../errors/response-errors';
import type { JsonValue } from '../json/json-value';
import { parseLosslessJson } from '../json/lossless-json-parser';
import { pyTypeName } from '../python/py-value';
import type { FieldShape } from '../synapse/py-type';
import type { SynapseDefinition, SynapseValues } from '../synapse/synapse-definition';
import { emptyTerminalInfo, TERMINAL_INFO_FIELDS, type TerminalInfo } from '../synapse/terminal-info';
import { decodeJsonBody } from './body-text';
import { normalizeHeaders, type HeaderInput } from './header-map';
import { parseRequestHeaders } from './request-headers';

/** A response as the dendrite's HTTP client received it. */
export interface ServerResponse {
  readonly status: number;
  readonly headers: HeaderInput;
  readonly body: string | Uint8Array;
  /** Request URL, only used in the wrong-content-type message (aiohttp prints it). */
  readonly url?: string;
}

/** The local synapse after the Python dendrite's `process_server_response`. */
export interface ProcessedResponse<S extends FieldShape> {
  /** Copy of the local synapse, updated from the response (body fields on 200, status, header terminal infos). */
  readonly synapse: SynapseValues<S>;
  /** `synapse.dendrite.status_code`: the status a Python validator scores (null when the axon sent none). */
  readonly statusCode: bigint | null;
  readonly statusMessage: string | null;
  /** Set when the Python dendrite would have recorded 422 "Failed to parse response: …". */
  readonly failure: ProtocolError | null;
  /** `is_success`: status code 200. */
  readonly isSuccess: boolean;
}

/** Options of {@link processServerResponse}. */
export interface ProcessResponseOptions {
  /** Seconds the call took; stored in `dendrite.process_time` when the response processed cleanly. */
  readonly processTimeSeconds?: number;
}

/** aiohttp's `json_re`: `application/json` and `application/<x>+json`, parameters allowed. */
const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+?\+)?json/;

function contentTypeOf(headers: ReadonlyMap<string, readonly string[]>): string {
  return (headers.get('content-type')?.[0] ?? '').toLowerCase();
}

/** aiohttp's `response.json()`: content-type check, then `json.loads` of the text (`None` for an empty body). */
function readJson(response: ServerResponse, headers: ReadonlyMap<string, readonly string[]>): JsonValue {
  const contentType = contentTypeOf(headers);
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    const url = response.url === undefined ? '' : `, url=URL('${response.url}')`;
    throw new ResponseParseError(`0, message='Attempt to decode JSON with unexpected mimetype: ${contentType}'${url}`);
  }
  const text = decodeJsonBody(response.body);
  if (text.trim() === '') {
    return null;
  }
  return parseLosslessJson(text);
}

function mergeNonNull(target: TerminalInfo, source: TerminalInfo): void {
  for (const field of TERMINAL_INFO_FIELDS) {
    const value = source[field];
    if (value !== null) {
      (target as unknown as Record<string, unknown>)[field] = value;
    }
  }
}

function toParseError(error: unknown): ResponseParseError {
  if (error instanceof ResponseParseError) {
    return error;
  }
  if (isProtocolError(error) || error instanceof Error) {
    return new ResponseParseError(error.message, { cause: error });
  }
  return new ResponseParseError(String(error), { cause: error });
}

function applyBody<S extends FieldShape>(
  definition: SynapseDefinition<S>,
  synapse: SynapseValues<S>,
  status: number,
  json: JsonValue,
): void {
  if (status === 200) {
    if (!(json instanceof Map)) {
      throw new ResponseParseError(`${definition.name}() argument after ** must be a mapping, not ${pyTypeName(json)}`);
    }
    const server = definition.validate(json) as Record<string, unknown>;
    const local = synapse as Record<string, unknown>;
    // setattr for every field; frozen fields (computed_body_hash, subclass frozen fields) refuse and are skipped.
    for (const field of definition.schema.fields) {
      if (!field.frozen) {
        local[field.name] = server[field.name];
      }
    }
    return;
  }
  if (!(json instanceof Map)) {
    throw new ResponseParseError(`'${pyTypeName(json)}' object has no attribute 'get'`);
  }
  const axon = synapse.axon ?? emptyTerminalInfo();
  synapse.axon = axon;
  axon.status_code = BigInt(status);
  const message = json.get('message') ?? null;
  if (message !== null && typeof message !== 'string') {
    throw new ResponseParseError(
      `1 validation error for TerminalInfo\nstatus_message\n  Input should be a valid string [type=string_type, input_type=${pyTypeName(message)}]`,
    );
  }
  axon.status_message = message;
}

/**
 * The Python dendrite's handling of an axon response (`call` + `process_server_response`): the body must be
 * JSON (content type checked); on 200 the whole synapse is rebuilt from it and copied over the local one
 * (frozen fields kept); otherwise `axon.status_code`/`status_message` come from the status and `json.message`;
 * then header terminal infos overwrite (headers win), and the axon status becomes the dendrite status. Any
 * failure gives status 422 "Failed to parse response: …" as Python records it. Never throws.
 */
export function processServerResponse<S extends FieldShape>(
  definition: SynapseDefinition<S>,
  local: SynapseValues<S>,
  response: ServerResponse,
  options: ProcessResponseOptions = {},
): ProcessedResponse<S> {
  const synapse = definition.copy(local);
  synapse.dendrite ??= emptyTerminalInfo();
  synapse.axon ??= emptyTerminalInfo();
  let failure: ResponseParseError | null = null;
  try {
    const headers = normalizeHeaders(response.headers);
    const json = readJson(response, headers);
    applyBody(definition, synapse, response.status, json);
    const fromHeaders = parseRequestHeaders(response.headers, { duplicates: 'python' });
    const dendrite = synapse.dendrite ?? emptyTerminalInfo();
    const axon = synapse.axon ?? emptyTerminalInfo();
    mergeNonNull(dendrite, fromHeaders.dendrite);
    mergeNonNull(axon, fromHeaders.axon);
    dendrite.status_code = axon.status_code;
    dendrite.status_message = axon.status_message;
    synapse.dendrite = dendrite;
    synapse.axon = axon;
    if (options.processTimeSeconds !== undefined) {
      dendrite.process_time = options.processTimeSeconds;
    }
  } catch (error) {
    failure = toParseError(error);
    const dendrite = synapse.dendrite ?? emptyTerminalInfo();
    dendrite.status_code = BigInt(failure.httpStatus);
    dendrite.status_message = failure.message;
    synapse.dendrite = dendrite;
  }
  const statusCode = synapse.dendrite?.status_code ?? null;
  return {
    synapse,
    statusCode,
    statusMessage: synapse.dendrite?.status_message ?? null,
    failure,
    isSuccess: statusCode === 200n,
  };
}
