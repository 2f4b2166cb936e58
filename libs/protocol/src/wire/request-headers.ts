import { DuplicateHeaderError, HeaderParseError } from '../errors/request-errors';
import { parseLosslessJson } from '../json/lossless-json-parser';
import { pythonFloatFromString, pythonIntFromString } from '../python/py-number-parse';
import { INVALID, validateModel, type ValidationContext } from '../synapse/lax-validator';
import { TERMINAL_INFO_MODEL, type TerminalInfo } from '../synapse/terminal-info';
import { formatValidationIssues } from '../synapse/validation-issue';
import { normalizeHeaders, type HeaderInput } from './header-map';
import { AXON_HEADER_PREFIX, classifyHeader, DENDRITE_HEADER_PREFIX, type PlainSynapseHeader } from './header-names';

/** What the Python axon reads from request headers (`Synapse.from_headers`), typed. */
export interface ParsedRequestHeaders {
  /** `name` header; the SDK ignores it (the route's class name wins). */
  readonly name: string | null;
  /** `timeout` in seconds (`float()` of the header), `null` when absent. */
  readonly timeout: number | null;
  readonly headerSize: bigint | null;
  readonly totalSize: bigint | null;
  /** `computed_body_hash` header: what the dendrite signed and what the body must hash to. */
  readonly computedBodyHash: string | null;
  /** `bt_header_dendrite_*` values through the TerminalInfo casters (nonce exact). */
  readonly dendrite: TerminalInfo;
  /** `bt_header_axon_*` values through the TerminalInfo casters. */
  readonly axon: TerminalInfo;
  /**
   * `bt_header_input_obj_<field>` raw values by field. taonode accepts and ignores them (protocol.md top table
   * #6): the synapse is built from the body, never from these dummies.
   */
  readonly inputObjHeaders: ReadonlyMap<string, string>;
}

/** Options of {@link parseRequestHeaders}. */
export interface ParseRequestHeadersOptions {
  /**
   * `reject` (default, taonode's axon): a protocol header present twice, or two names for one field, is a
   * {@link DuplicateHeaderError}. `python`: like the SDK reading a multi-dict — the last value wins for
   * `bt_header_*` fields, the first for the plain names (used when parsing responses as the Python dendrite).
   */
  readonly duplicates?: 'reject' | 'python';
  /**
   * `ignore` (default, taonode policy): input_obj headers are collected but not decoded. `validate`: each must be
   * strict base64 of JSON, otherwise the request fails like a header-parse failure.
   */
  readonly inputObjHeaders?: 'ignore' | 'validate';
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function setField(target: Map<string, string>, key: string, value: string, headerName: string, strict: boolean): void {
  if (strict && target.has(key)) {
    throw new DuplicateHeaderError(headerName);
  }
  target.set(key, value);
}

function terminalInfoFrom(raw: Map<string, string>, prefix: string): TerminalInfo {
  const ctx: ValidationContext = { issues: [] };
  const values = validateModel(TERMINAL_INFO_MODEL.schema, raw, [], ctx);
  if (values === INVALID) {
    const first = ctx.issues[0];
    const header = first === undefined ? prefix : `${prefix}${String(first.loc[0])}`;
    throw new HeaderParseError(
      `Could not parse header ${header}: ${formatValidationIssues('TerminalInfo', ctx.issues)}`,
      header,
    );
  }
  return values as unknown as TerminalInfo;
}

function parseOptionalInt(value: string | undefined, header: string): bigint | null {
  if (value === undefined) {
    return null;
  }
  const parsed = pythonIntFromString(value);
  if (!parsed.ok) {
    throw new HeaderParseError(`Could not parse header ${header}: ${parsed.message}`, header);
  }
  return parsed.value;
}

function parseOptionalFloat(value: string | undefined, header: string): number | null {
  if (value === undefined) {
    return null;
  }
  const parsed = pythonFloatFromString(value);
  if (!parsed.ok) {
    throw new HeaderParseError(`Could not parse header ${header}: ${parsed.message}`, header);
  }
  return parsed.value;
}

function validateInputObj(field: string, value: string): void {
  const header = `bt_header_input_obj_${field}`;
  if (!STRICT_BASE64.test(value)) {
    throw new HeaderParseError(`Header ${header} is not base64`, header);
  }
  try {
    parseLosslessJson(Buffer.from(value, 'base64').toString('utf8'));
  } catch (error) {
    throw new HeaderParseError(`Header ${header} is not base64-encoded JSON`, header, { cause: error });
  }
}

/**
 * Reads request headers as the Python axon does (`parse_headers_to_inputs` + the TerminalInfo casters): names
 * case-insensitive, `bt_header_axon_*`/`bt_header_dendrite_*` by substring, integers through Python `int()` so
 * nonces stay exact. Stricter than Python: a protocol header present twice (or two names for one field) is a
 * {@link DuplicateHeaderError}. Every failure is a {@link HeaderParseError} (the SDK answers those with 500).
 */
export function parseRequestHeaders(
  headers: HeaderInput,
  options: ParseRequestHeadersOptions = {},
): ParsedRequestHeaders {
  const axonRaw = new Map<string, string>();
  const dendriteRaw = new Map<string, string>();
  const inputObj = new Map<string, string>();
  const plain = new Map<PlainSynapseHeader, string>();
  const strict = (options.duplicates ?? 'reject') === 'reject';
  for (const [name, values] of normalizeHeaders(headers)) {
    const role = classifyHeader(name);
    if (role.kind === 'other') {
      continue;
    }
    if (strict && values.length !== 1) {
      throw new DuplicateHeaderError(name);
    }
    const first = values[0];
    const last = values[values.length - 1];
    if (first === undefined || last === undefined) {
      continue;
    }
    switch (role.kind) {
      case 'axon':
        setField(axonRaw, role.field, last, name, strict);
        break;
      case 'dendrite':
        setField(dendriteRaw, role.field, last, name, strict);
        break;
      case 'input-obj':
        if (role.field !== null) {
          setField(inputObj, role.field, last, name, strict);
        }
        break;
      case 'plain':
        if (!plain.has(role.field)) {
          plain.set(role.field, first);
        }
        break;
    }
  }
  if (options.inputObjHeaders === 'validate') {
    for (const [field, value] of inputObj) {
      validateInputObj(field, value);
    }
  }
  return {
    name: plain.get('name') ?? null,
    timeout: parseOptionalFloat(plain.get('timeout'), 'timeout'),
    headerSize: parseOptionalInt(plain.get('header_size'), 'header_size'),
    totalSize: parseOptionalInt(plain.get('total_size'), 'total_size'),
    computedBodyHash: plain.get('computed_body_hash') ?? null,
    dendrite: terminalInfoFrom(dendriteRaw, DENDRITE_HEADER_PREFIX),
    axon: terminalInfoFrom(axonRaw, AXON_HEADER_PREFIX),
    inputObjHeaders: inputObj,
  };
}
