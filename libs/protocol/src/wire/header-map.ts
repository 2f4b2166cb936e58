import { HeaderParseError } from '../errors/request-errors';

/**
 * Headers as they come from any HTTP stack: Node's `IncomingHttpHeaders` / `headersDistinct` (record, values may
 * be arrays), raw `[name, value]` pairs or Node's flat `rawHeaders` list, or a Fetch `Headers`-like object.
 */
export type HeaderInput =
  | Readonly<Record<string, string | readonly string[] | number | undefined>>
  | readonly (readonly [string, string])[]
  | readonly string[]
  | { forEach(callback: (value: string, name: string) => void): void };

/** Header names lowercased (HTTP names are case-insensitive; Starlette lowercases them too), all values kept. */
export type NormalizedHeaders = ReadonlyMap<string, readonly string[]>;

function add(target: Map<string, string[]>, name: unknown, value: unknown): void {
  if (typeof name !== 'string') {
    throw new HeaderParseError('Header name is not a string');
  }
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else if (typeof value === 'number') {
    text = String(value);
  } else {
    throw new HeaderParseError(`Header ${name} has a non-string value`, name);
  }
  const key = name.toLowerCase();
  const existing = target.get(key);
  if (existing === undefined) {
    target.set(key, [text]);
  } else {
    existing.push(text);
  }
}

function hasForEach(input: unknown): input is { forEach(callback: (value: string, name: string) => void): void } {
  return typeof (input as { forEach?: unknown }).forEach === 'function';
}

/** Collects headers into lowercase name → values; throws {@link HeaderParseError} for non-string names/values. */
export function normalizeHeaders(input: HeaderInput): NormalizedHeaders {
  const out = new Map<string, string[]>();
  if (Array.isArray(input)) {
    const list = input as readonly unknown[];
    if (list.every((item) => typeof item === 'string')) {
      if (list.length % 2 !== 0) {
        throw new HeaderParseError('Raw header list has an odd number of entries');
      }
      for (let index = 0; index < list.length; index += 2) {
        add(out, list[index], list[index + 1]);
      }
      return out;
    }
    for (const pair of list) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new HeaderParseError('Header pair is not [name, value]');
      }
      add(out, pair[0], pair[1]);
    }
    return out;
  }
  if (input instanceof Map || (!isPlainRecord(input) && hasForEach(input))) {
    (input as { forEach(callback: (value: unknown, name: unknown) => void): void }).forEach((value, name) =>
      add(out, name, value),
    );
    return out;
  }
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (value === undefined) {
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        add(out, name, item);
      }
    } else {
      add(out, name, value);
    }
  }
  return out;
}

function isPlainRecord(input: unknown): boolean {
  if (input === null || typeof input !== 'object') {
    return false;
  }
  const prototype = Object.getPrototypeOf(input) as unknown;
  return prototype === Object.prototype || prototype === null;
}
