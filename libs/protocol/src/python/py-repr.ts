import { pyFloatRepr } from './py-float-repr';
import { pyStrRepr } from './py-str-repr';
import { PyTuple, type PyValue } from './py-value';

/** Python's `repr()` of a value: strings quoted, containers rendered with `", "` separators. */
export function pyRepr(value: PyValue): string {
  if (value === null) {
    return 'None';
  }
  switch (typeof value) {
    case 'boolean':
      return value ? 'True' : 'False';
    case 'bigint':
      return value.toString();
    case 'number':
      return pyFloatRepr(value);
    case 'string':
      return pyStrRepr(value);
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) {
      out += (index === 0 ? '' : ', ') + pyRepr(value[index] ?? null);
    }
    return out + ']';
  }
  if (value instanceof PyTuple) {
    if (value.items.length === 1) {
      return `(${pyRepr(value.items[0] ?? null)},)`;
    }
    return `(${value.items.map(pyRepr).join(', ')})`;
  }
  let out = '{';
  let first = true;
  for (const [key, item] of value) {
    out += `${first ? '' : ', '}${pyRepr(key)}: ${pyRepr(item)}`;
    first = false;
  }
  return out + '}';
}

/** Python's `str()`: a string is itself, everything else is its `repr()`. This is what the body hash hashes. */
export function pyStr(value: PyValue): string {
  return typeof value === 'string' ? value : pyRepr(value);
}
