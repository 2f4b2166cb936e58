import type { ProtocolError } from '../errors/protocol-error';
import { ResponseEncodingError } from '../errors/response-errors';
import { computeBodyHash } from '../hash/body-hash';
import { PythonJsonEncodeError, STARLETTE_RESPONSE_JSON_STYLE, writePythonJson } from '../json/python-json-writer';
import { PyTuple, type PyValue } from '../python/py-value';
import { signMessageHex, type Signer } from '../signature/signer';
import { axonSigningMessage } from '../signature/signing-message';
import { BaseSynapse } from '../synapse/builtins';
import { dumpModel } from '../synapse/model-dump';
import { clonePyValue } from '../synapse/model-schema';
import type { FieldShape } from '../synapse/py-type';
import type { SynapseDefinition, SynapseValues } from '../synapse/synapse-definition';
import { emptyTerminalInfo, type TerminalInfo } from '../synapse/terminal-info';
import type { TypeSpec } from '../synapse/type-spec';
import { isHeaderSafe, toHeaderSafe } from './header-value';
import type { ParsedRequestHeaders } from './request-headers';
import { responseSignatureHeaders, type ResponseSigning } from './response-signature';
import { estimateTotalSize } from './size-estimate';
import { synapseHeaders } from './synapse-headers';

/** A response ready for the HTTP server; the transport adds `content-length`. */
export interface EncodedResponse {
  readonly status: number;
  /** Lowercase names in the SDK's order, then `content-type`, then taonode's signature headers if any. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text (Starlette style: compact, UTF-8 literal). */
  readonly body: string;
}

/** Input of {@link encodeSuccessResponse}. */
export interface SuccessResponseInput<S extends FieldShape> {
  readonly definition: SynapseDefinition<S>;
  /** The synapse after the forward function (built from the request body). */
  readonly synapse: SynapseValues<S>;
  /** Seconds since the request arrived (`axon.process_time`). */
  readonly processTimeSeconds: number;
  /** taonode response signature (extra headers Python dendrites ignore). */
  readonly signing?: ResponseSigning;
}

const CONTENT_TYPE = 'application/json';

function writeJson(value: PyValue): string {
  try {
    return writePythonJson(value, STARLETTE_RESPONSE_JSON_STYLE);
  } catch (error) {
    if (error instanceof PythonJsonEncodeError) {
      throw new ResponseEncodingError(`Response body is not JSON-encodable: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

function checkHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!isHeaderSafe(value)) {
      throw new ResponseEncodingError(`Header ${name} has a value that is not latin-1 text`);
    }
  }
}

/**
 * The Python axon's `synapse_to_response`: status from `axon.status_code` (default 200, message "Success"),
 * `axon.process_time` set, body = the whole synapse as compact JSON (NaN/Infinity refused), headers =
 * `to_headers()` of that synapse (status headers, echoed dendrite headers, body hash of the response).
 * Throws {@link ResponseEncodingError} or `SynapseValidationError` (both 500) when that cannot be done.
 */
export function encodeSuccessResponse<S extends FieldShape>(input: SuccessResponseInput<S>): EncodedResponse {
  const { definition } = input;
  const synapse = definition.validate(input.synapse);
  const axon: TerminalInfo = synapse.axon ?? emptyTerminalInfo();
  synapse.axon = axon;
  axon.status_code ??= 200n;
  if (axon.status_code === 200n && !axon.status_message) {
    axon.status_message = 'Success';
  }
  axon.process_time = input.processTimeSeconds;
  const status = Number(axon.status_code);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new ResponseEncodingError(`axon.status_code ${axon.status_code} is not an HTTP status`);
  }
  const dumped = definition.dump(synapse);
  const body = writeJson(dumped);
  const bodyHash = definition.bodyHash(synapse);
  const headers = synapseHeaders(definition, synapse, {
    dumped,
    totalSize: estimateTotalSize(body.length),
    bodyHash,
  });
  headers['content-type'] = CONTENT_TYPE;
  if (input.signing !== undefined) {
    Object.assign(headers, responseSignatureHeaders(input.signing, status, bodyHash, body));
  }
  checkHeaders(headers);
  return { status, headers, body };
}

/** What the Python axon's preprocess adds to the header-derived synapse before any check can fail. */
export interface AxonPreprocessInfo {
  /** `version_as_int` of the axon. */
  readonly version: bigint | number;
  /** The axon instance's uuid. */
  readonly uuid: string;
  /** `time.time_ns()` at preprocess. */
  readonly nonce: bigint;
  /** Signs `"{axon_nonce}.{dendrite_hotkey}.{axon_hotkey}.{axon_uuid}"` into `bt_header_axon_signature`. */
  readonly signer?: Signer;
}

/** Input of {@link encodeErrorResponse}. */
export interface ErrorResponseInput {
  readonly error: ProtocolError;
  /** The synapse class of the route; omit when the route is unknown. */
  readonly definition?: SynapseDefinition<FieldShape> | null;
  /** Parsed request headers; omit when they did not parse (Python then answers with a fresh `Synapse()`). */
  readonly request?: ParsedRequestHeaders | null;
  /** TCP peer (`bt_header_dendrite_ip`/`_port` in error responses). */
  readonly peer?: { readonly ip: string; readonly port: number } | null;
  readonly processTimeSeconds?: number | null;
  readonly axon?: AxonPreprocessInfo | null;
  readonly signing?: ResponseSigning;
}

function emptyValueOf(spec: TypeSpec): unknown {
  switch (spec.kind) {
    case 'int':
    case 'python-int-cast':
      return 0n;
    case 'float':
    case 'python-float-cast':
      return 0;
    case 'str':
      return '';
    case 'bool':
      return false;
    case 'list':
      return [];
    case 'tuple':
      return new PyTuple([]);
    case 'dict':
      return new Map();
    case 'optional':
      return emptyValueOf(spec.inner);
    case 'union':
      return spec.options[0] === undefined ? null : emptyValueOf(spec.options[0]);
    case 'any':
    case 'model':
      return null;
  }
}

/**
 * The synapse the Python axon builds from headers: subclass fields hold the input_obj dummies (the empty value of
 * each required field's type) or their defaults; terminal infos come from the headers plus preprocess data.
 */
function headerDerivedSynapse(input: ErrorResponseInput, axon: TerminalInfo): SynapseValues<FieldShape> {
  const definition = input.definition ?? BaseSynapse;
  const request = input.request ?? null;
  const values: Record<string, unknown> = {};
  for (const field of definition.schema.fields) {
    values[field.name] = field.hasDefault ? clonePyValue(field.makeDefault()) : emptyValueOf(field.spec);
  }
  values.name = definition.name;
  values.axon = axon;
  if (request !== null) {
    values.timeout = request.timeout;
    values.dendrite = {
      ...request.dendrite,
      ...(input.peer ? { ip: input.peer.ip, port: BigInt(input.peer.port) } : {}),
    };
  }
  return values as unknown as SynapseValues<FieldShape>;
}

/**
 * An error response as the Python axon sends it (`create_error_response`): status = the error's HTTP status,
 * body `{"message": …}` (FastAPI's own detail body for JSON/body-read failures), headers = `to_headers()` of
 * the header-derived synapse with the axon status, version, uuid, nonce and signature, and the TCP peer as
 * dendrite ip/port. Values a header cannot carry are replaced by `?`; only a failing `signer` can make it throw.
 */
export function encodeErrorResponse(input: ErrorResponseInput): EncodedResponse {
  const { error } = input;
  const status = error.httpStatus;
  const body = writeJson(new Map(Object.entries(error.responseBody()).map(([key, value]) => [key, toPy(value)])));
  if (!error.carriesProtocolHeaders) {
    return { status, headers: { 'content-type': CONTENT_TYPE }, body };
  }
  const parsed = input.request !== null && input.request !== undefined && input.definition;
  const request = parsed ? (input.request ?? null) : null;
  const axon: TerminalInfo = { ...(request?.axon ?? emptyTerminalInfo()) };
  axon.status_code = BigInt(status);
  axon.status_message = error.wireMessage;
  axon.process_time = input.processTimeSeconds ?? null;
  if (request !== null && input.axon) {
    axon.version = BigInt(input.axon.version);
    axon.uuid = input.axon.uuid;
    axon.nonce = input.axon.nonce;
    if (input.axon.signer) {
      axon.signature = signMessageHex(
        input.axon.signer,
        axonSigningMessage({
          axonNonce: input.axon.nonce,
          dendriteHotkey: request.dendrite.hotkey,
          axonHotkey: request.axon.hotkey,
          axonUuid: input.axon.uuid,
        }),
      );
    }
  }
  const definition = parsed ? (input.definition ?? BaseSynapse) : BaseSynapse;
  const synapse = headerDerivedSynapse({ ...input, definition, request }, axon);
  const bodyHash = computeBodyHash(definition, synapse);
  const headers = synapseHeaders(definition, synapse, {
    dumped: dumpModel(definition.schema, synapse),
    totalSize: estimateTotalSize(body.length),
    bodyHash,
  });
  headers['content-type'] = CONTENT_TYPE;
  if (input.signing !== undefined) {
    Object.assign(headers, responseSignatureHeaders(input.signing, status, bodyHash, body));
  }
  for (const [name, value] of Object.entries(headers)) {
    headers[name] = toHeaderSafe(value);
  }
  return { status, headers, body };
}

const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** An error body as Python values; lone surrogates (which Starlette cannot encode) become U+FFFD. */
function toPy(value: unknown): PyValue {
  if (typeof value === 'string') {
    return value.replace(LONE_SURROGATES, '\ufffd');
  }
  if (Array.isArray(value)) {
    return value.map(toPy);
  }
  if (value !== null && typeof value === 'object') {
    return new Map(Object.entries(value).map(([key, item]) => [key, toPy(item)]));
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    return BigInt(value);
  }
  return value as PyValue;
}
