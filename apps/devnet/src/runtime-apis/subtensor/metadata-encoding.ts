import type { TypeRegistry } from '@polkadot/types';
import { TypeDefInfo, type TypeDef } from '@polkadot/types/types';
import { u8aConcat } from '@polkadot/util';
import { conformToType, typeDefOf } from './conform-to-type';
import { MetagraphSelection } from './selective-metagraph';

/**
 * Encodes a builder's plain value as `type` of the metadata's registry: shaped to that layout first
 * (missing fields zero, see `conformToType`). A `MetagraphSelection` is encoded field by field through the
 * metadata's `SelectiveMetagraph` layout, whose field `i` is selection index `i`.
 */
export function encodeWithMetadataType(registry: TypeRegistry, type: string, value: unknown): Uint8Array {
  if (value instanceof MetagraphSelection) {
    return encodeSelection(registry, type, value);
  }
  return registry.createTypeUnsafe(type, [conformToType(registry, type, value).value]).toU8a();
}

function typeName(registry: TypeRegistry, definition: TypeDef): string {
  return definition.lookupIndex === undefined ? definition.type : registry.createLookupType(definition.lookupIndex);
}

function resolve(registry: TypeRegistry, definition: TypeDef): TypeDef {
  return definition.lookupIndex === undefined ? definition : registry.lookup.getTypeDef(definition.lookupIndex);
}

function only(definition: TypeDef): TypeDef {
  const sub = Array.isArray(definition.sub) ? definition.sub[0] : definition.sub;
  if (sub === undefined) {
    throw new Error(`${definition.type} has no inner type`);
  }
  return sub;
}

/** `Option<SelectiveMetagraph>`: `Some`, field 0 (`netuid`) bare, every other field `Some` when requested. */
function encodeSelection(registry: TypeRegistry, type: string, selection: MetagraphSelection): Uint8Array {
  const option = resolve(registry, typeDefOf(registry, type));
  if (option.info !== TypeDefInfo.Option) {
    throw new Error(`${type} is not an Option of a selective metagraph`);
  }
  const struct = resolve(registry, only(option));
  const fields = Array.isArray(struct.sub) ? struct.sub : [];
  const parts = fields.map((field, index) => {
    const fieldType = typeName(registry, field);
    if (index === 0) {
      return registry.createTypeUnsafe(fieldType, [selection.netuid]).toU8a();
    }
    if (!selection.requested.has(index)) {
      return new Uint8Array([0]);
    }
    const inner = typeName(registry, only(resolve(registry, field)));
    const shaped = conformToType(registry, inner, selection.values[field.name ?? '']).value;
    return u8aConcat([1], registry.createTypeUnsafe(inner, [shaped]).toU8a());
  });
  return u8aConcat([1], ...parts);
}
