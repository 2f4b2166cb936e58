import { MAX_FLOAT_STRING_LENGTH } from '../limits/input-limits';
import { pyRepr } from './py-repr';
import { isPlainObject, pyTypeName, type PyValue } from './py-value';
import { trimText } from './trim-text';

/** Outcome of a Python conversion: the value, or the exception Python would raise (type and text). */
export type PythonConversion<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly exception: 'ValueError' | 'TypeError' | 'OverflowError'; readonly message: string };

/** CPython's default `sys.get_int_max_str_digits()` (3.11+): longer decimal strings are refused. */
export const PYTHON_INT_MAX_STR_DIGITS = 4300;

/**
 * Whitespace `int()`/`float()` strip: ASCII space, \t \n \v \f \r, and the non-ASCII characters CPython maps to a
 * space first (Unicode White_Space). The ASCII separators \x1c-\x1f are not stripped by these functions.
 */
function isPythonNumberSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function strip(text: string): string {
  return trimText(text, isPythonNumberSpace);
}
const INT_LITERAL = /^[+-]?\d(?:_?\d)*$/;
const FLOAT_LITERAL = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const FLOAT_SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

function ok<T>(value: T): PythonConversion<T> {
  return { ok: true, value };
}

/** Python `int(text)` in base 10. Non-ASCII digits (which CPython accepts) are refused here. */
export function pythonIntFromString(text: string): PythonConversion<bigint> {
  const stripped = strip(text);
  if (!INT_LITERAL.test(stripped)) {
    return { ok: false, exception: 'ValueError', message: `invalid literal for int() with base 10: ${pyRepr(text)}` };
  }
  const digits = stripped.replace(/[+_-]/g, '');
  if (digits.length > PYTHON_INT_MAX_STR_DIGITS) {
    return {
      ok: false,
      exception: 'ValueError',
      message: `Exceeds the limit (${PYTHON_INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    };
  }
  const magnitude = BigInt(digits);
  return ok(stripped.startsWith('-') ? -magnitude : magnitude);
}

/**
 * Python `float(text)`: decimal literals with optional underscores between digits, `inf`, `infinity`, `nan`.
 * Text longer than {@link MAX_FLOAT_STRING_LENGTH} is refused with a ValueError before any parsing (taonode bound;
 * Python would parse it).
 */
export function pythonFloatFromString(text: string): PythonConversion<number> {
  if (text.length > MAX_FLOAT_STRING_LENGTH) {
    return {
      ok: false,
      exception: 'ValueError',
      message: `could not convert string to float: a string of ${text.length} characters exceeds the limit of ${MAX_FLOAT_STRING_LENGTH}`,
    };
  }
  const stripped = strip(text);
  if (FLOAT_SPECIAL.test(stripped)) {
    const negative = stripped.startsWith('-');
    const word = stripped.replace(/^[+-]/, '').toLowerCase();
    if (word === 'nan') {
      return ok(NaN);
    }
    return ok(negative ? -Infinity : Infinity);
  }
  if (!FLOAT_LITERAL.test(stripped)) {
    return { ok: false, exception: 'ValueError', message: `could not convert string to float: ${pyRepr(text)}` };
  }
  // JS Number() rounds decimal text correctly, like CPython's dtoa; it only lacks underscore support.
  return ok(Number(stripped.replace(/_/g, '')));
}

/** Python `int(value)` for the values JSON and headers can carry (the SDK's `cast_int` before-validator). */
export function pythonInt(value: unknown): PythonConversion<bigint> {
  switch (typeof value) {
    case 'bigint':
      return ok(value);
    case 'boolean':
      return ok(value ? 1n : 0n);
    case 'string':
      return pythonIntFromString(value);
    case 'number':
      if (Number.isNaN(value)) {
        return { ok: false, exception: 'ValueError', message: 'cannot convert float NaN to integer' };
      }
      if (!Number.isFinite(value)) {
        return { ok: false, exception: 'OverflowError', message: 'cannot convert float infinity to integer' };
      }
      return ok(BigInt(Math.trunc(value)));
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      return {
        ok: false,
        exception: 'TypeError',
        message: `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
      };
  }
}

/** Python `float(value)` for the values JSON and headers can carry (the SDK's `cast_float` before-validator). */
export function pythonFloat(value: unknown): PythonConversion<number> {
  switch (typeof value) {
    case 'number':
      return ok(value);
    case 'boolean':
      return ok(value ? 1 : 0);
    case 'string':
      return pythonFloatFromString(value);
    case 'bigint': {
      const converted = Number(value);
      if (!Number.isFinite(converted)) {
        return { ok: false, exception: 'OverflowError', message: 'int too large to convert to float' };
      }
      return ok(converted);
    }
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      return {
        ok: false,
        exception: 'TypeError',
        message: `float() argument must be a string or a real number, not '${pyTypeName(value)}'`,
      };
  }
}

/** Best-effort `repr()` of an arbitrary input for error messages (plain objects print as dicts). */
export function reprForMessage(value: unknown): string {
  if (value === undefined) {
    return 'None';
  }
  if (isPlainObject(value)) {
    return pyRepr(new Map(Object.entries(value).map(([key, item]) => [key, toPyValueLoose(item)])));
  }
  return pyRepr(toPyValueLoose(value));
}

function toPyValueLoose(value: unknown): PyValue {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
    return null;
  }
  if (isPlainObject(value)) {
    return new Map(Object.entries(value).map(([key, item]) => [key, toPyValueLoose(item)]));
  }
  if (Array.isArray(value)) {
    return value.map(toPyValueLoose);
  }
  return value as PyValue;
}
