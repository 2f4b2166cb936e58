import { BodyHashUnencodableError } from '../errors/body-errors';
import { pyStr } from '../python/py-repr';
import type { PyValue } from '../python/py-value';
import { dumpValue } from '../synapse/model-dump';
import type { ModelSchema } from '../synapse/model-schema';
import { isUtf8Encodable, sha3Hex } from './sha3';

/** `sha3_256("")`: the body hash of every synapse without `required_hash_fields` (base Synapse, `Dummy`). */
export const EMPTY_BODY_HASH = 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a';

/** What the body hash needs to know about a synapse class. */
export interface BodyHashSource {
  readonly schema: ModelSchema;
  readonly requiredHashFields: readonly string[];
}

/**
 * The Python `str()` of each hashed field of the synapse's `model_dump()`, in hashing order — the exact
 * strings whose SHA3-256 digests make up the body hash.
 */
export function bodyHashFieldStrings(source: BodyHashSource, synapse: object): string[] {
  const values = synapse as Record<string, unknown>;
  return source.requiredHashFields.map((name) => {
    const descriptor = source.schema.fieldsByName.get(name);
    const value = values[name] ?? null;
    const dumped = descriptor?.dumpsModels ? dumpValue(descriptor.spec, value) : value;
    const text = pyStr(dumped as PyValue);
    if (!isUtf8Encodable(text)) {
      throw new BodyHashUnencodableError(name);
    }
    return text;
  });
}

/**
 * The SDK's `Synapse.body_hash`: `sha3_256_hex(h_1 ‖ … ‖ h_n)` with `h_i = sha3_256_hex(str(model_dump()[f_i]))`.
 * Throws {@link BodyHashUnencodableError} where Python's UTF-8 encoding would fail.
 */
export function computeBodyHash(source: BodyHashSource, synapse: object): string {
  if (source.requiredHashFields.length === 0) {
    return EMPTY_BODY_HASH;
  }
  let concatenated = '';
  for (const text of bodyHashFieldStrings(source, synapse)) {
    concatenated += sha3Hex(text);
  }
  return sha3Hex(concatenated);
}
