import type { ModelSchema } from './model-schema';

/**
 * Runtime description of a Python field annotation. `python-int-cast`/`python-float-cast` are `Optional[int]` /
 * `Optional[float]` with the SDK's `cast_int`/`cast_float` before-validators (`int(raw)` / `float(raw)`), used by
 * `TerminalInfo` and the base synapse fields.
 */
export type TypeSpec =
  | { readonly kind: 'int' }
  | { readonly kind: 'float' }
  | { readonly kind: 'str' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'any' }
  | { readonly kind: 'optional'; readonly inner: TypeSpec }
  | { readonly kind: 'list'; readonly item: TypeSpec }
  | { readonly kind: 'tuple'; readonly item: TypeSpec }
  | { readonly kind: 'dict'; readonly key: TypeSpec; readonly value: TypeSpec }
  | { readonly kind: 'union'; readonly options: readonly TypeSpec[] }
  | { readonly kind: 'model'; readonly schema: ModelSchema }
  | { readonly kind: 'python-int-cast' }
  | { readonly kind: 'python-float-cast' };

/** The Python annotation a spec stands for, for messages and docs (`list[float]`, `Optional[int]`). */
export function describeType(spec: TypeSpec): string {
  switch (spec.kind) {
    case 'int':
    case 'float':
    case 'str':
    case 'bool':
      return spec.kind;
    case 'any':
      return 'Any';
    case 'optional':
      return `Optional[${describeType(spec.inner)}]`;
    case 'list':
      return `list[${describeType(spec.item)}]`;
    case 'tuple':
      return `tuple[${describeType(spec.item)}, ...]`;
    case 'dict':
      return `dict[${describeType(spec.key)}, ${describeType(spec.value)}]`;
    case 'union':
      return `Union[${spec.options.map(describeType).join(', ')}]`;
    case 'model':
      return spec.schema.name;
    case 'python-int-cast':
      return 'Optional[int]';
    case 'python-float-cast':
      return 'Optional[float]';
  }
}

/** Whether values of this type contain model instances (plain objects) that `model_dump` turns into dicts. */
export function containsModel(spec: TypeSpec): boolean {
  switch (spec.kind) {
    case 'model':
      return true;
    case 'optional':
      return containsModel(spec.inner);
    case 'list':
    case 'tuple':
      return containsModel(spec.item);
    case 'dict':
      return containsModel(spec.value);
    case 'union':
      return spec.options.some(containsModel);
    case 'int':
    case 'float':
    case 'str':
    case 'bool':
    case 'any':
    case 'python-int-cast':
    case 'python-float-cast':
      return false;
  }
}
