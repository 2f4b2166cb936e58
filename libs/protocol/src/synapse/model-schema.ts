import type { TypeSpec } from './type-spec';

/** One declared field, resolved for validation and dumping. */
export interface FieldDescriptor {
  readonly name: string;
  readonly spec: TypeSpec;
  /** False for a field declared without a default: pydantic requires it, the dendrite sends an input_obj header. */
  readonly hasDefault: boolean;
  /** Produces a fresh copy of the default (pydantic copies mutable defaults per instance). */
  readonly makeDefault: () => unknown;
  /** `Field(frozen=True)`: the Python dendrite does not copy it from a response. */
  readonly frozen: boolean;
  /** Precomputed {@link containsModel}: whether dumping must convert nested models to dicts. */
  readonly dumpsModels: boolean;
}

/** A pydantic model's field list in definition order (= `model_dump()` order). */
export interface ModelSchema {
  readonly name: string;
  readonly fields: readonly FieldDescriptor[];
  readonly fieldsByName: ReadonlyMap<string, FieldDescriptor>;
  /**
   * Fields whose value is forced whatever the input says — the `model_validator(mode="before")` of `Synapse`
   * that overwrites `name` with the class name on every construction.
   */
  readonly forcedValues?: ReadonlyMap<string, unknown>;
}

/** A model's validated values: plain object, fields in definition order. */
export type ModelValues = Record<string, unknown>;

/** Deep copy of a Python value tree (defaults must not be shared between instances). */
export function clonePyValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => clonePyValue(item)) as T;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    for (const [key, item] of value as Map<unknown, unknown>) {
      copy.set(key, clonePyValue(item));
    }
    return copy as T;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype === Object.prototype || prototype === null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = clonePyValue(item);
    }
    return copy as T;
  }
  // PyTuple and other immutable wrappers are shared safely.
  return value;
}
