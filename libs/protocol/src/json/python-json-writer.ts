import { pyFloatRepr } from '../python/py-float-repr';
import { PyTuple, pyTypeName, type PyDictKey, type PyValue } from '../python/py-value';

/** How Python's `json.dumps` is configured at a call site. */
export interface PythonJsonStyle {
  readonly itemSeparator: string;
  readonly keySeparator: string;
  /** Escape every non-ASCII character as `\uXXXX` (surrogate pairs for astral characters). */
  readonly ensureAscii: boolean;
  /** Write NaN/Infinity as the non-standard literals; when false they are refused (`ValueError`). */
  readonly allowNan: boolean;
}

/** aiohttp's `json=` body: `json.dumps` defaults (", " and ": ", ASCII-only, NaN allowed). */
export const AIOHTTP_REQUEST_JSON_STYLE: PythonJsonStyle = {
  itemSeparator: ', ',
  keySeparator: ': ',
  ensureAscii: true,
  allowNan: true,
};

/** Starlette's `JSONResponse`: compact separators, UTF-8 kept literal, NaN/Infinity refused. */
export const STARLETTE_RESPONSE_JSON_STYLE: PythonJsonStyle = {
  itemSeparator: ',',
  keySeparator: ':',
  ensureAscii: false,
  allowNan: false,
};

/** Raised when Python's encoder would raise (`ValueError`/`TypeError`/`UnicodeEncodeError`). */
export class PythonJsonEncodeError extends Error {
  override readonly name = 'PythonJsonEncodeError';
}

// eslint-disable-next-line no-control-regex -- JSON string escaping is about control characters
const NEEDS_ESCAPE_ASCII = /["\\\x00-\x1f\x7f-\uffff]/;
// eslint-disable-next-line no-control-regex -- JSON string escaping is about control characters
const NEEDS_ESCAPE_UNICODE = /["\\\x00-\x1f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x22: '\\"',
  0x5c: '\\\\',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x08: '\\b',
  0x0c: '\\f',
};

function escapeString(text: string, style: PythonJsonStyle): string {
  const pattern = style.ensureAscii ? NEEDS_ESCAPE_ASCII : NEEDS_ESCAPE_UNICODE;
  if (!pattern.test(text)) {
    if (!style.ensureAscii && LONE_SURROGATE.test(text)) {
      throw new PythonJsonEncodeError("'utf-8' codec can't encode a lone surrogate: surrogates not allowed");
    }
    return `"${text}"`;
  }
  if (!style.ensureAscii && LONE_SURROGATE.test(text)) {
    throw new PythonJsonEncodeError("'utf-8' codec can't encode a lone surrogate: surrogates not allowed");
  }
  let out = '"';
  let chunkStart = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const escapeNeeded = code < 0x20 || code === 0x22 || code === 0x5c || (style.ensureAscii && code >= 0x7f);
    if (!escapeNeeded) {
      continue;
    }
    out += text.slice(chunkStart, index) + (SHORT_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, '0')}`);
    chunkStart = index + 1;
  }
  return out + text.slice(chunkStart) + '"';
}

function floatLiteral(value: number, style: PythonJsonStyle): string {
  if (Number.isFinite(value)) {
    return pyFloatRepr(value);
  }
  if (!style.allowNan) {
    throw new PythonJsonEncodeError(`Out of range float values are not JSON compliant: ${pyFloatRepr(value)}`);
  }
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  return value > 0 ? 'Infinity' : '-Infinity';
}

function keyText(key: PyDictKey, style: PythonJsonStyle): string {
  if (typeof key === 'string') {
    return key;
  }
  if (typeof key === 'number') {
    return floatLiteral(key, style);
  }
  if (typeof key === 'boolean') {
    return key ? 'true' : 'false';
  }
  if (key === null) {
    return 'null';
  }
  if (typeof key === 'bigint') {
    return key.toString();
  }
  throw new PythonJsonEncodeError(`keys must be str, int, float, bool or None, not ${pyTypeName(key)}`);
}

function writeValue(value: PyValue, style: PythonJsonStyle): string {
  if (value === null) {
    return 'null';
  }
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      return floatLiteral(value, style);
    case 'string':
      return escapeString(value, style);
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  if (Array.isArray(value) || value instanceof PyTuple) {
    const items = Array.isArray(value) ? value : value.items;
    let out = '[';
    for (let index = 0; index < items.length; index++) {
      out += (index === 0 ? '' : style.itemSeparator) + writeValue(items[index] ?? null, style);
    }
    return out + ']';
  }
  let out = '{';
  let first = true;
  for (const [key, item] of value) {
    out += `${first ? '' : style.itemSeparator}${escapeString(keyText(key, style), style)}${style.keySeparator}${writeValue(item, style)}`;
    first = false;
  }
  return out + '}';
}

/**
 * Serialises a Python value exactly as `json.dumps` with the given style would: float repr for floats
 * (`12.0`, `1e-05`), exact integers, Python's string escaping. Throws {@link PythonJsonEncodeError} where
 * Python's encoder (or the UTF-8 encoding after it) fails.
 */
export function writePythonJson(value: PyValue, style: PythonJsonStyle): string {
  return writeValue(value, style);
}

/** One `"key": value` member in the given style, for writers that assemble objects piecewise. */
export function writePythonJsonMember(key: string, value: PyValue, style: PythonJsonStyle): string {
  return `${escapeString(key, style)}${style.keySeparator}${writeValue(value, style)}`;
}
