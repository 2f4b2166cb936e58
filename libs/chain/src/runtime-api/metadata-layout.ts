import type { Registry } from '@polkadot/types/types';
import { stringCamelCase } from '@polkadot/util';
import type { ScaleTypes } from './scale-reader';

/** A runtime API result layout: the type to read and the struct definitions it refers to (`ScaleReader` input). */
export interface RuntimeApiLayout {
  readonly type: string;
  readonly types: ScaleTypes;
}

interface SiTypeDef {
  readonly isPrimitive: boolean;
  readonly asPrimitive: { readonly type: string };
  readonly isCompact: boolean;
  readonly asCompact: { readonly type: { toNumber(): number } };
  readonly isSequence: boolean;
  readonly asSequence: { readonly type: { toNumber(): number } };
  readonly isArray: boolean;
  readonly asArray: { readonly len: { toNumber(): number }; readonly type: { toNumber(): number } };
  readonly isTuple: boolean;
  readonly asTuple: readonly { toNumber(): number }[];
  readonly isComposite: boolean;
  readonly asComposite: {
    readonly fields: readonly {
      readonly name: { isSome: boolean; unwrap(): { toString(): string } };
      readonly type: { toNumber(): number };
    }[];
  };
  readonly isVariant: boolean;
  readonly asVariant: {
    readonly variants: readonly {
      readonly name: { toString(): string };
      readonly fields: readonly { readonly type: { toNumber(): number } }[];
    }[];
  };
}

/** A metadata type this reader cannot follow (an enum other than Option, a signed integer, …). */
export class UnsupportedLayoutError extends Error {}

const PRIMITIVES: Readonly<Record<string, string>> = {
  Bool: 'bool',
  U8: 'u8',
  U16: 'u16',
  U32: 'u32',
  U64: 'u64',
  U128: 'u128',
};

/**
 * The layout of a metadata (V15/V16) type id, in the `ScaleReader`'s terms: structs by their field names in
 * camelCase (as @polkadot/types names them), in the metadata's field order. So the runtime-API readers follow
 * the layout the runtime declares (feature detection), not one we assume: a field the runtime dropped is simply
 * absent from the decoded value, a field it added is read and ignored. Throws {@link UnsupportedLayoutError} on
 * shapes the reader does not support; callers then use our own layouts.
 */
export function metadataLayout(registry: Registry, typeId: number): RuntimeApiLayout {
  const types: Record<string, Record<string, string>> = {};
  const visit = (id: number): string => {
    const siType = registry.lookup.getSiType(id) as unknown as {
      def: SiTypeDef;
      path: readonly { toString(): string }[];
    };
    const { def } = siType;
    if (def.isPrimitive) {
      const primitive = PRIMITIVES[def.asPrimitive.type.toString()];
      if (primitive === undefined) {
        throw new UnsupportedLayoutError(`primitive ${def.asPrimitive.type.toString()}`);
      }
      return primitive;
    }
    if (def.isCompact) {
      return `Compact<${visit(def.asCompact.type.toNumber())}>`;
    }
    if (def.isSequence) {
      return `Vec<${visit(def.asSequence.type.toNumber())}>`;
    }
    if (def.isTuple) {
      return `(${def.asTuple.map((element) => visit(element.toNumber())).join(',')})`;
    }
    if (def.isArray && def.asArray.len.toNumber() === 32 && visit(def.asArray.type.toNumber()) === 'u8') {
      return 'AccountId32';
    }
    if (def.isVariant) {
      const variants = def.asVariant.variants;
      const some = variants.find((variant) => variant.name.toString() === 'Some');
      const field = some?.fields[0];
      if (siType.path.map(String).join('::') === 'Option' && field !== undefined) {
        return `Option<${visit(field.type.toNumber())}>`;
      }
      throw new UnsupportedLayoutError(`enum ${siType.path.map(String).join('::')}`);
    }
    if (def.isComposite) {
      const fields = def.asComposite.fields;
      const [only] = fields;
      if (fields.length === 1 && only !== undefined && !only.name.isSome) {
        // A newtype (`AccountId32([u8; 32])`): the inner value.
        return visit(only.type.toNumber());
      }
      const name = `Lookup${id}`;
      if (types[name] === undefined) {
        types[name] = {};
        const struct: Record<string, string> = {};
        for (const field of fields) {
          struct[stringCamelCase(field.name.unwrap().toString())] = visit(field.type.toNumber());
        }
        types[name] = struct;
      }
      return name;
    }
    throw new UnsupportedLayoutError(`type ${id}`);
  };
  return { type: visit(typeId), types };
}
