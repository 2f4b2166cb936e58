import { readVectorFile } from '@taonode/testing';
import type { JsonObject, JsonValue } from '../../src/json/json-value';
import { parseLosslessJson } from '../../src/json/lossless-json-parser';

/** `bittensor-vectors.json` decoded losslessly (the nonce in `json_body` exceeds 2^53). */
export function losslessVectors(): JsonObject {
  return parseLosslessJson(readVectorFile('bittensor-vectors.json')) as JsonObject;
}

/** Walks a decoded JSON object by keys. */
export function at(value: JsonValue | undefined, ...path: string[]): JsonValue {
  let current = value;
  for (const key of path) {
    if (!(current instanceof Map)) {
      throw new Error(`no object at ${key}`);
    }
    current = current.get(key);
  }
  if (current === undefined) {
    throw new Error(`nothing at ${path.join('.')}`);
  }
  return current;
}

/** A copy of a decoded JSON object tree. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return cloneValue(value) as T;
}

function cloneValue(value: JsonValue): JsonValue {
  if (value instanceof Map) {
    const copy: JsonObject = new Map();
    value.forEach((item, key) => copy.set(key, cloneValue(item)));
    return copy;
  }
  return Array.isArray(value) ? value.map(cloneValue) : value;
}
