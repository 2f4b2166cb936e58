import { isPlainObject, PyTuple, type PyDict, type PyDictKey, type PyValue } from '../python/py-value';
import type { ModelSchema, ModelValues } from './model-schema';
import { containsModel, type TypeSpec } from './type-spec';

/** pydantic `model_dump()` (python mode): a dict in field order, nested models turned into dicts. */
export function dumpModel(schema: ModelSchema, values: ModelValues): PyDict {
  const out: PyDict = new Map();
  for (const field of schema.fields) {
    const value = values[field.name] ?? null;
    out.set(field.name, field.dumpsModels ? dumpValue(field.spec, value) : (value as PyValue));
  }
  return out;
}

function pickUnionOption(options: readonly TypeSpec[], value: unknown): TypeSpec | undefined {
  if (isPlainObject(value)) {
    return options.find((option) => option.kind === 'model' && option.schema.fields.every((f) => f.name in value));
  }
  return options.find((option) => !containsModel(option));
}

/** Dumps one validated value of the given type (only nested models change). */
export function dumpValue(spec: TypeSpec, value: unknown): PyValue {
  if (value === null || value === undefined) {
    return null;
  }
  switch (spec.kind) {
    case 'model':
      return dumpModel(spec.schema, value as ModelValues);
    case 'optional':
      return dumpValue(spec.inner, value);
    case 'list':
      return (value as unknown[]).map((item) => dumpValue(spec.item, item));
    case 'tuple':
      return new PyTuple((value as PyTuple).items.map((item) => dumpValue(spec.item, item)));
    case 'dict': {
      const out: PyDict = new Map();
      for (const [key, item] of value as Map<PyDictKey, unknown>) {
        out.set(key, dumpValue(spec.value, item));
      }
      return out;
    }
    case 'union': {
      const option = pickUnionOption(spec.options, value);
      return option === undefined ? (value as PyValue) : dumpValue(option, value);
    }
    case 'int':
    case 'float':
    case 'str':
    case 'bool':
    case 'any':
    case 'python-int-cast':
    case 'python-float-cast':
      return value as PyValue;
  }
}
