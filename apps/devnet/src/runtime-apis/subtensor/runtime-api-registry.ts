import { TypeRegistry } from '@polkadot/types';
import { u8aConcat } from '@polkadot/util';
import { SUBTENSOR_RUNTIME_API_TYPES } from '@taonode/chain';

/** A registry holding only the runtime API layouts, independent of the metadata's registry. */
export const runtimeApiRegistry = new TypeRegistry();
runtimeApiRegistry.register(SUBTENSOR_RUNTIME_API_TYPES);

export function encodeResult(type: string, value: unknown): Uint8Array {
  return runtimeApiRegistry.createTypeUnsafe(type, [value]).toU8a();
}

/** Decodes the SCALE arguments of a `state_call`: the values of `inputs`, concatenated. */
export function decodeArguments(inputs: readonly string[], bytes: Uint8Array): unknown[] {
  let offset = 0;
  return inputs.map((type) => {
    const value = runtimeApiRegistry.createTypeUnsafe(type, [bytes.subarray(offset)]);
    offset += value.encodedLength;
    return value.toJSON();
  });
}

/** Encodes JSON-style argument values as the concatenated SCALE arguments of a `state_call`. */
export function encodeArguments(inputs: readonly string[], values: readonly unknown[]): Uint8Array {
  return u8aConcat(...inputs.map((type, index) => runtimeApiRegistry.createTypeUnsafe(type, [values[index]]).toU8a()));
}
