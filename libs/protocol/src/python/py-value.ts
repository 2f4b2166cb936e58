/**
 * Python values as this library represents them. The mapping keeps the distinctions Python's `str()` and
 * `json.dumps` make: `int` is a `bigint` (arbitrary precision), `float` is a `number` (so `12` written by a
 * float field is the number 12 and renders `12.0`), `None` is `null`, `dict` is an insertion-ordered `Map`,
 * `tuple` is a {@link PyTuple}.
 */
export type PyValue = null | boolean | bigint | number | string | PyValue[] | PyTuple | PyDict;

/** Keys a Python dict can have after JSON decoding and pydantic validation. */
export type PyDictKey = string | bigint | number | boolean | null | PyTuple;

/** A Python dict: insertion order is kept, re-setting a key keeps its first position (like Python). */
export type PyDict = Map<PyDictKey, PyValue>;

/** A Python tuple: rendered `(1, 2)` / `(1,)` by `str()`, serialised as a JSON array. */
export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/** The Python type name of a value, as error messages print it (`'int'`, `'NoneType'`, …). */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) {
    return 'NoneType';
  }
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'str';
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  if (Array.isArray(value)) {
    return 'list';
  }
  if (value instanceof PyTuple) {
    return 'tuple';
  }
  if (value instanceof Map || typeof value === 'object') {
    return 'dict';
  }
  return 'object';
}

/** True for plain JS objects (`{…}`), the TS-side spelling of a dict or model input. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
