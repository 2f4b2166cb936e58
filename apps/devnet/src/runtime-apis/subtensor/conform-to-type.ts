import type { TypeRegistry } from '@polkadot/types';
import { getTypeDef } from '@polkadot/types/create';
import { TypeDefInfo, type TypeDef } from '@polkadot/types/types';

/**
 * Shapes a plain JS value (as the devnet's builders produce it) to a type of the metadata's registry before
 * encoding, and lists the struct fields the value did not supply. Fields are matched by name (the registry's
 * camelCase), so extra fields are ignored and a field the builder does not know is encoded as its type's zero
 * value (0, false, empty, None): that is how one builder serves every layout a metadata declares. Fixed-point
 * wrappers (`{ bits }`) take a bare bigint.
 */
export function conformToType(
  registry: TypeRegistry,
  type: string,
  value: unknown,
): { readonly value: unknown; readonly missing: readonly string[] } {
  const missing = new Set<string>();
  const walker = new Conformer(registry, missing);
  return { value: walker.walk(typeDefOf(registry, type), value, ''), missing: [...missing] };
}

/** The definition of a registry type name: a metadata lookup type (`Lookup670`) or a plain type string (`u16`). */
export function typeDefOf(registry: TypeRegistry, type: string): TypeDef {
  return isLookupName(type) ? registry.lookup.getTypeDef(type) : getTypeDef(type);
}

function isLookupName(type: string): type is `Lookup${number}` {
  return /^Lookup\d+$/.test(type);
}

class Conformer {
  constructor(
    private readonly registry: TypeRegistry,
    private readonly missing: Set<string>,
  ) {}

  walk(definition: TypeDef, value: unknown, path: string): unknown {
    const resolved = this.resolve(definition);
    const subs = resolved.sub === undefined ? [] : Array.isArray(resolved.sub) ? resolved.sub : [resolved.sub];
    const [first] = subs;
    if (resolved.info === TypeDefInfo.Struct) {
      return this.struct(subs, value, path);
    }
    if (resolved.info === TypeDefInfo.Option && first !== undefined) {
      return value === null || value === undefined ? null : this.walk(first, value, path);
    }
    if ((resolved.info === TypeDefInfo.Vec || resolved.info === TypeDefInfo.VecFixed) && first !== undefined) {
      return Array.isArray(value) ? (value as unknown[]).map((item) => this.walk(first, item, `${path}[]`)) : value;
    }
    if (resolved.info === TypeDefInfo.Tuple && Array.isArray(value)) {
      return (value as unknown[]).map((item, index) => {
        const element = subs[index];
        return element === undefined ? item : this.walk(element, item, `${path}.${index}`);
      });
    }
    // Numbers, booleans, accounts, bytes, enums and maps are passed to the codec as they are.
    return value;
  }

  private struct(fields: readonly TypeDef[], value: unknown, path: string): unknown {
    if (fields.length === 1 && fields[0]?.name === 'bits' && (typeof value === 'bigint' || typeof value === 'number')) {
      return { bits: value };
    }
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array || Array.isArray(value)) {
      return value;
    }
    const record = value as Record<string, unknown>;
    const shaped: Record<string, unknown> = {};
    for (const field of fields) {
      const name = field.name ?? '';
      const fieldPath = path === '' ? name : `${path}.${name}`;
      if (!(name in record)) {
        this.missing.add(fieldPath);
        continue;
      }
      shaped[name] = this.walk(field, record[name], fieldPath);
    }
    return shaped;
  }

  /** A reference to a lookup type (`Lookup452`) stands for that type's own definition. */
  private resolve(definition: TypeDef): TypeDef {
    if (
      definition.info === TypeDefInfo.Si ||
      (definition.info === TypeDefInfo.Plain && /^Lookup\d+$/.test(definition.type))
    ) {
      return this.registry.lookup.getTypeDef(definition.type as `Lookup${number}`);
    }
    return definition;
  }
}
