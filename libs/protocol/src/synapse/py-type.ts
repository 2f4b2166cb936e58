import type { PyDictKey, PyTuple, PyValue } from '../python/py-value';
import type { ModelSchema } from './model-schema';
import type { TypeSpec } from './type-spec';

/**
 * A Python field annotation with its TypeScript view: `TOut` is the validated value (`int` → `bigint`,
 * `float` → `number`, `dict` → `Map`), `TIn` what lax (pydantic "lax mode") input may be given for it.
 * Build them with {@link py}; a bare `PyType` in a field shape declares a required field (no default).
 */
export class PyType<TOut, TIn = TOut> {
  /** Phantom members carrying the value types; never set at runtime. */
  declare readonly __out: TOut;
  declare readonly __in: TIn;

  constructor(readonly spec: TypeSpec) {}

  /** This type with a default value (not validated, like pydantic): the field becomes optional. */
  default(value: TOut): FieldSpec<TOut, TIn, true> {
    return new FieldSpec(this, { hasDefault: true, makeDefault: () => value });
  }

  /** This type with a default produced per instance (pydantic `default_factory`). */
  defaultFactory(factory: () => TOut): FieldSpec<TOut, TIn, true> {
    return new FieldSpec(this, { hasDefault: true, makeDefault: factory });
  }

  /** This type as a required field marked `frozen=True` (the Python dendrite will not copy it from a response). */
  frozen(): FieldSpec<TOut, TIn, false> {
    return new FieldSpec(this, { hasDefault: false, frozen: true });
  }
}

interface FieldSpecOptions {
  readonly hasDefault: boolean;
  readonly makeDefault?: () => unknown;
  readonly frozen?: boolean;
}

/** A field declaration: a type plus default and `frozen` flag. `HasDefault` decides whether input may omit it. */
export class FieldSpec<TOut, TIn, HasDefault extends boolean> {
  readonly isFieldSpec = true;
  declare readonly __hasDefault: HasDefault;
  readonly hasDefault: boolean;
  readonly makeDefault: () => unknown;
  readonly isFrozen: boolean;

  constructor(
    readonly type: PyType<TOut, TIn>,
    options: FieldSpecOptions,
  ) {
    this.hasDefault = options.hasDefault;
    this.makeDefault = options.makeDefault ?? (() => undefined);
    this.isFrozen = options.frozen ?? false;
  }

  /** The same field marked `frozen=True`. */
  frozen(): FieldSpec<TOut, TIn, HasDefault> {
    return new FieldSpec<TOut, TIn, HasDefault>(this.type, {
      hasDefault: this.hasDefault,
      makeDefault: this.makeDefault,
      frozen: true,
    });
  }
}

/** Anything allowed as a field in a shape: a bare type (required) or a {@link FieldSpec}. */
export type FieldDeclaration = PyType<unknown, unknown> | FieldSpec<unknown, unknown, boolean>;

/** A model or synapse field list; key order is the Python definition order. */
export type FieldShape = Readonly<Record<string, FieldDeclaration>>;

/** Validated value type of a field declaration. */
export type FieldOut<F> =
  F extends FieldSpec<infer O, unknown, boolean> ? O : F extends PyType<infer O, unknown> ? O : never;

/** Accepted input type of a field declaration. */
export type FieldIn<F> =
  F extends FieldSpec<unknown, infer I, boolean> ? I : F extends PyType<unknown, infer I> ? I : never;

type KeysWithDefault<S> = { [K in keyof S]: S[K] extends FieldSpec<unknown, unknown, true> ? K : never }[keyof S];

/** Validated values of a shape (what `model_dump` holds before nested models become dicts). */
export type ShapeValues<S> = { -readonly [K in keyof S]: FieldOut<S[K]> };

/** Input accepted to build a shape: fields without default are required. */
export type ShapeInput<S> = { [K in Exclude<keyof S, KeysWithDefault<S>>]: FieldIn<S[K]> } & {
  [K in KeysWithDefault<S>]?: FieldIn<S[K]>;
};

/** Lax input for a JS view of Python values: plain objects are accepted where dicts are. */
export type PyValueInput = PyValue | readonly PyValueInput[] | { readonly [key: string]: PyValueInput } | undefined;

/** A nested model type reference (created by `defineModel`). */
export interface ModelTypeSource<TOut, TIn> {
  readonly schema: ModelSchema;
  readonly __values?: TOut;
  readonly __input?: TIn;
}

const INT = new PyType<bigint, bigint | number | boolean | string>({ kind: 'int' });
const FLOAT = new PyType<number, number | bigint | boolean | string>({ kind: 'float' });
const STR = new PyType<string, string>({ kind: 'str' });
const BOOL = new PyType<boolean, boolean | bigint | number | string>({ kind: 'bool' });
const ANY = new PyType<PyValue, PyValueInput>({ kind: 'any' });

/**
 * Builders for Python field annotations:
 * `py.int()`, `py.float()`, `py.str()`, `py.bool()`, `py.any()` (untyped), `py.optional(t)`, `py.list(t)`,
 * `py.tuple(t)` (variadic `tuple[t, ...]`), `py.dict(k, v)`, `py.union(a, b, …)`, `py.model(definition)`.
 * `py.list()` / `py.dict()` without arguments are the untyped `list` / `dict` (items kept as parsed: ints stay ints).
 */
export const py = {
  int: (): PyType<bigint, bigint | number | boolean | string> => INT,
  float: (): PyType<number, number | bigint | boolean | string> => FLOAT,
  str: (): PyType<string, string> => STR,
  bool: (): PyType<boolean, boolean | bigint | number | string> => BOOL,
  any: (): PyType<PyValue, PyValueInput> => ANY,
  optional: <O, I>(inner: PyType<O, I>): PyType<O | null, I | null> =>
    new PyType<O | null, I | null>({ kind: 'optional', inner: inner.spec }),
  list: <O = PyValue, I = PyValueInput>(item?: PyType<O, I>): PyType<O[], readonly I[]> =>
    new PyType<O[], readonly I[]>({ kind: 'list', item: item?.spec ?? ANY.spec }),
  tuple: <O = PyValue, I = PyValueInput>(item?: PyType<O, I>): PyType<PyTuple, PyTuple | readonly I[]> =>
    new PyType<PyTuple, PyTuple | readonly I[]>({ kind: 'tuple', item: item?.spec ?? ANY.spec }),
  dict: <KO extends PyDictKey = PyDictKey, VO = PyValue, KI = KO, VI = PyValueInput>(
    key?: PyType<KO, KI>,
    value?: PyType<VO, VI>,
  ): PyType<Map<KO, VO>, ReadonlyMap<KI, VI> | { readonly [key: string]: VI }> =>
    new PyType<Map<KO, VO>, ReadonlyMap<KI, VI> | { readonly [key: string]: VI }>({
      kind: 'dict',
      key: key?.spec ?? ANY.spec,
      value: value?.spec ?? ANY.spec,
    }),
  union: <T extends readonly PyType<unknown, unknown>[]>(
    ...options: T
  ): PyType<T[number]['__out'], T[number]['__in']> =>
    new PyType<T[number]['__out'], T[number]['__in']>({ kind: 'union', options: options.map((option) => option.spec) }),
  model: <O, I>(model: ModelTypeSource<O, I>): PyType<O, I> =>
    new PyType<O, I>({ kind: 'model', schema: model.schema }),
};

/** Declares a field with options; `field(py.optional(py.int()), { default: null })`. */
export function field<O, I>(type: PyType<O, I>, options: { default: O; frozen?: boolean }): FieldSpec<O, I, true>;
export function field<O, I>(
  type: PyType<O, I>,
  options: { defaultFactory: () => O; frozen?: boolean },
): FieldSpec<O, I, true>;
export function field<O, I>(type: PyType<O, I>, options?: { frozen?: boolean }): FieldSpec<O, I, false>;
export function field<O, I>(
  type: PyType<O, I>,
  options: { default?: O; defaultFactory?: () => O; frozen?: boolean } = {},
): FieldSpec<O, I, boolean> {
  if ('defaultFactory' in options && options.defaultFactory) {
    return new FieldSpec(type, { hasDefault: true, makeDefault: options.defaultFactory, frozen: options.frozen });
  }
  if ('default' in options) {
    const value = options.default;
    return new FieldSpec(type, { hasDefault: true, makeDefault: () => value, frozen: options.frozen });
  }
  return new FieldSpec(type, { hasDefault: false, frozen: options.frozen });
}
