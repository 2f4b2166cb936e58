import type { TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';

/** Arguments that do not decode: the runtime would panic with "Bad input data provided to <method>". */
export class BadRuntimeApiInputError extends Error {
  readonly code = 'TAONODE_DEVNET_BAD_RUNTIME_API_INPUT';
}

/** Decodes a runtime API call's SCALE arguments, one type after the other, rejecting trailing bytes. */
export function decodeArgs(
  registry: TypeRegistry,
  method: string,
  types: readonly string[],
  input: Uint8Array,
): Codec[] {
  const decoded: Codec[] = [];
  let offset = 0;
  try {
    for (const type of types) {
      const value = registry.createTypeUnsafe(type, [input.subarray(offset)]);
      decoded.push(value);
      offset += value.encodedLength;
    }
  } catch (error) {
    throw new BadRuntimeApiInputError(`Bad input data provided to ${method}: ${String(error)}`, { cause: error });
  }
  if (offset !== input.length) {
    throw new BadRuntimeApiInputError(`Bad input data provided to ${method}: ${input.length - offset} trailing bytes`);
  }
  return decoded;
}
