import { MAX_FLOAT_STRING_LENGTH } from '../limits/input-limits';
import { pythonFloat, pythonInt, type PythonConversion } from '../python/py-number-parse';
import { isPlainObject, PyTuple, type PyDictKey, type PyValue } from '../python/py-value';
import { trimText } from '../python/trim-text';
import { clonePyValue, type ModelSchema, type ModelValues } from './model-schema';
import type { TypeSpec } from './type-spec';
import type { ValidationIssue } from './validation-issue';

/** Marks a failed validation; the reasons are in the context's issues. */
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

/** Collects issues during one validation run. */
export interface ValidationContext {
  readonly issues: ValidationIssue[];
}

type Location = (string | number)[];

const RUST_INT = /^[+-]?\d+$/;
// `\d+(?:\.\d*)?` rather than the equivalent `\d+\.?\d*`: the latter splits a digit run between its two
// quantifiers in every possible way before failing, quadratic in the run's length.
const RUST_FLOAT = /^[+-]?(?:inf|infinity|nan|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)$/i;
const BOOL_FALSE = new Set(['0', 'f', 'n', 'no', 'off', 'false']);
const BOOL_TRUE = new Set(['1', 't', 'y', 'on', 'yes', 'true']);
const MAX_INT_STRING_LENGTH = 4300;
const I64_BOUND = 2 ** 63;

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function fail(ctx: ValidationContext, loc: Location, type: string, msg: string, input: unknown): Invalid {
  ctx.issues.push({ type, loc: [...loc], msg, input });
  return INVALID;
}

/** pydantic's underscore rule for numeric strings: not at the ends, never doubled. */
function stripUnderscores(text: string): string | null {
  if (!text.includes('_') || text.startsWith('_') || text.endsWith('_') || text.includes('__')) {
    return null;
  }
  return text.replace(/_/g, '');
}

function intFromString(text: string, loc: Location, ctx: ValidationContext, input: unknown): bigint | Invalid {
  const trimmed = trimText(text, isAsciiSpace);
  if (trimmed.length > MAX_INT_STRING_LENGTH) {
    return fail(
      ctx,
      loc,
      'int_parsing_size',
      'Unable to parse input string as an integer, exceeded maximum size',
      input,
    );
  }
  if (RUST_INT.test(trimmed)) {
    return BigInt(trimmed);
  }
  const decimalZeros = /^([+-]?\d+)\.0*$/.exec(trimmed);
  if (decimalZeros?.[1] !== undefined) {
    return BigInt(decimalZeros[1]);
  }
  const withoutUnderscores = stripUnderscores(trimmed);
  if (withoutUnderscores !== null && RUST_INT.test(withoutUnderscores)) {
    return BigInt(withoutUnderscores);
  }
  return fail(ctx, loc, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', input);
}

/** Rust-side float parsing of pydantic-core; null when unparsable or over {@link MAX_FLOAT_STRING_LENGTH}. */
function floatFromString(text: string): number | null {
  if (text.length > MAX_FLOAT_STRING_LENGTH) {
    return null;
  }
  const trimmed = trimText(text, isAsciiSpace);
  const candidate = RUST_FLOAT.test(trimmed) ? trimmed : stripUnderscores(trimmed);
  if (candidate === null || !RUST_FLOAT.test(candidate)) {
    return null;
  }
  const lower = candidate.toLowerCase().replace(/^\+/, '');
  if (lower === 'nan' || lower === '-nan') {
    return NaN;
  }
  if (lower === 'inf' || lower === 'infinity') {
    return Infinity;
  }
  if (lower === '-inf' || lower === '-infinity') {
    return -Infinity;
  }
  return Number(candidate);
}

function validateInt(input: unknown, loc: Location, ctx: ValidationContext): bigint | Invalid {
  switch (typeof input) {
    case 'bigint':
      return input;
    case 'boolean':
      return input ? 1n : 0n;
    case 'number':
      if (!Number.isFinite(input)) {
        return fail(ctx, loc, 'finite_number', 'Input should be a finite number', input);
      }
      if (!Number.isInteger(input)) {
        return fail(
          ctx,
          loc,
          'int_from_float',
          'Input should be a valid integer, got a number with a fractional part',
          input,
        );
      }
      if (input <= -I64_BOUND || input >= I64_BOUND) {
        return fail(
          ctx,
          loc,
          'int_parsing_size',
          'Unable to parse input string as an integer, exceeded maximum size',
          input,
        );
      }
      return BigInt(input);
    case 'string':
      return intFromString(input, loc, ctx, input);
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      return fail(ctx, loc, 'int_type', 'Input should be a valid integer', input);
  }
}

function validateFloat(input: unknown, loc: Location, ctx: ValidationContext): number | Invalid {
  switch (typeof input) {
    case 'number':
      return input;
    case 'boolean':
      return input ? 1 : 0;
    case 'bigint': {
      const converted = Number(input);
      return Number.isFinite(converted)
        ? converted
        : fail(ctx, loc, 'float_parsing', 'Input should be a valid number, unable to parse string as a number', input);
    }
    case 'string': {
      const parsed = floatFromString(input);
      return parsed === null
        ? fail(ctx, loc, 'float_parsing', 'Input should be a valid number, unable to parse string as a number', input)
        : parsed;
    }
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      return fail(ctx, loc, 'float_type', 'Input should be a valid number', input);
  }
}

function validateBool(input: unknown, loc: Location, ctx: ValidationContext): boolean | Invalid {
  switch (typeof input) {
    case 'boolean':
      return input;
    case 'bigint':
      if (input === 0n || input === 1n) {
        return input === 1n;
      }
      break;
    case 'number':
      if (input === 0 || input === 1) {
        return input === 1;
      }
      break;
    case 'string': {
      const lower = input.toLowerCase();
      if (BOOL_FALSE.has(lower)) {
        return false;
      }
      if (BOOL_TRUE.has(lower)) {
        return true;
      }
      break;
    }
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      return fail(ctx, loc, 'bool_type', 'Input should be a valid boolean', input);
  }
  return fail(ctx, loc, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input', input);
}

function fromConversion<T>(
  conversion: PythonConversion<T>,
  loc: Location,
  ctx: ValidationContext,
  input: unknown,
): T | Invalid {
  if (conversion.ok) {
    return conversion.value;
  }
  // pydantic wraps a ValueError from a before-validator as `value_error`; other exception types escape pydantic in
  // Python, which ends in the same failure for the request, so they are reported the same way here.
  return conversion.exception === 'ValueError'
    ? fail(ctx, loc, 'value_error', `Value error, ${conversion.message}`, input)
    : fail(ctx, loc, 'type_error', `${conversion.exception}: ${conversion.message}`, input);
}

/** An untyped (`Any`/bare `dict`/`list`) value: kept as is, JS plain objects become dicts. */
function normalizeAny(input: unknown, loc: Location, ctx: ValidationContext): PyValue | Invalid {
  if (input === null || input === undefined) {
    return null;
  }
  switch (typeof input) {
    case 'boolean':
    case 'bigint':
    case 'number':
    case 'string':
      return input;
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  if (Array.isArray(input)) {
    const items: PyValue[] = [];
    for (let index = 0; index < input.length; index++) {
      loc.push(index);
      const item = normalizeAny(input[index], loc, ctx);
      loc.pop();
      if (item === INVALID) {
        return INVALID;
      }
      items.push(item);
    }
    return items;
  }
  if (input instanceof PyTuple) {
    return input;
  }
  if (input instanceof Map || isPlainObject(input)) {
    const entries: Iterable<[unknown, unknown]> = input instanceof Map ? input : Object.entries(input);
    const dict = new Map<PyDictKey, PyValue>();
    for (const [key, value] of entries) {
      loc.push(String(key));
      const item = normalizeAny(value, loc, ctx);
      loc.pop();
      if (item === INVALID) {
        return INVALID;
      }
      dict.set(key as PyDictKey, item);
    }
    return dict;
  }
  return fail(ctx, loc, 'any_type', 'Input is not a JSON-representable Python value', input);
}

function isExactMatch(spec: TypeSpec, input: unknown): boolean {
  switch (spec.kind) {
    case 'int':
      return typeof input === 'bigint';
    case 'float':
      return typeof input === 'number';
    case 'str':
      return typeof input === 'string';
    case 'bool':
      return typeof input === 'boolean';
    case 'any':
      return true;
    case 'optional':
      return input === null || isExactMatch(spec.inner, input);
    case 'list':
      return Array.isArray(input);
    case 'tuple':
      return input instanceof PyTuple;
    case 'dict':
    case 'model':
      return input instanceof Map || isPlainObject(input);
    case 'union':
      return spec.options.some((option) => isExactMatch(option, input));
    case 'python-int-cast':
    case 'python-float-cast':
      return false;
  }
}

function validateUnion(options: readonly TypeSpec[], input: unknown, loc: Location, ctx: ValidationContext): unknown {
  // pydantic's smart mode, approximated: an option whose type matches exactly wins, then the first lax success.
  for (const option of options) {
    if (isExactMatch(option, input)) {
      const value = validateSpec(option, input, loc, { issues: [] });
      if (value !== INVALID) {
        return value;
      }
    }
  }
  const collected: ValidationIssue[] = [];
  for (const option of options) {
    const attempt: ValidationContext = { issues: [] };
    const value = validateSpec(option, input, loc, attempt);
    if (value !== INVALID) {
      return value;
    }
    collected.push(...attempt.issues);
  }
  ctx.issues.push(...collected);
  return INVALID;
}

function validateItems(
  item: TypeSpec,
  items: readonly unknown[],
  loc: Location,
  ctx: ValidationContext,
): unknown[] | Invalid {
  const out: unknown[] = [];
  let failed = false;
  for (let index = 0; index < items.length; index++) {
    loc.push(index);
    const value = validateSpec(item, items[index], loc, ctx);
    loc.pop();
    if (value === INVALID) {
      failed = true;
    } else {
      out.push(value);
    }
  }
  return failed ? INVALID : out;
}

function validateDict(
  spec: Extract<TypeSpec, { kind: 'dict' }>,
  input: unknown,
  loc: Location,
  ctx: ValidationContext,
): unknown {
  if (!(input instanceof Map) && !isPlainObject(input)) {
    return fail(ctx, loc, 'dict_type', 'Input should be a valid dictionary', input);
  }
  const entries: Iterable<[unknown, unknown]> = input instanceof Map ? input : Object.entries(input);
  const out = new Map<unknown, unknown>();
  let failed = false;
  for (const [rawKey, rawValue] of entries) {
    loc.push(String(rawKey), '[key]');
    const key = validateSpec(spec.key, rawKey, loc, ctx);
    loc.pop();
    const value = validateSpec(spec.value, rawValue, loc, ctx);
    loc.pop();
    if (key === INVALID || value === INVALID) {
      failed = true;
    } else {
      out.set(key, value);
    }
  }
  return failed ? INVALID : out;
}

/** Validates one value against a type the way pydantic v2 does for Python input in lax mode. */
export function validateSpec(spec: TypeSpec, input: unknown, loc: Location, ctx: ValidationContext): unknown {
  switch (spec.kind) {
    case 'int':
      return validateInt(input, loc, ctx);
    case 'float':
      return validateFloat(input, loc, ctx);
    case 'str':
      return typeof input === 'string' ? input : fail(ctx, loc, 'string_type', 'Input should be a valid string', input);
    case 'bool':
      return validateBool(input, loc, ctx);
    case 'any':
      return normalizeAny(input, loc, ctx);
    case 'optional':
      return input === null || input === undefined ? null : validateSpec(spec.inner, input, loc, ctx);
    case 'list':
      if (Array.isArray(input)) {
        return validateItems(spec.item, input, loc, ctx);
      }
      if (input instanceof PyTuple) {
        return validateItems(spec.item, input.items, loc, ctx);
      }
      return fail(ctx, loc, 'list_type', 'Input should be a valid list', input);
    case 'tuple': {
      const items = Array.isArray(input) ? input : input instanceof PyTuple ? input.items : null;
      if (items === null) {
        return fail(ctx, loc, 'tuple_type', 'Input should be a valid tuple', input);
      }
      const validated = validateItems(spec.item, items, loc, ctx);
      return validated === INVALID ? INVALID : new PyTuple(validated as PyValue[]);
    }
    case 'dict':
      return validateDict(spec, input, loc, ctx);
    case 'union':
      return validateUnion(spec.options, input, loc, ctx);
    case 'model':
      return validateModel(spec.schema, input, loc, ctx);
    case 'python-int-cast':
      return input === null || input === undefined ? null : fromConversion(pythonInt(input), loc, ctx, input);
    case 'python-float-cast':
      return input === null || input === undefined ? null : fromConversion(pythonFloat(input), loc, ctx, input);
  }
}

/**
 * Validates a dict (Map or plain object) into a model's values, in definition order. Absent fields take a fresh
 * copy of their default; a field without default is `missing`. Unknown keys are ignored (`extra="ignore"`).
 */
export function validateModel(
  schema: ModelSchema,
  input: unknown,
  loc: Location,
  ctx: ValidationContext,
): ModelValues | Invalid {
  let read: (name: string) => unknown;
  if (input instanceof Map) {
    read = (name) => (input as Map<unknown, unknown>).get(name);
  } else if (isPlainObject(input)) {
    read = (name) => (Object.hasOwn(input, name) ? input[name] : undefined);
  } else {
    return fail(ctx, loc, 'model_type', `Input should be a valid dictionary or instance of ${schema.name}`, input);
  }
  const out: ModelValues = {};
  let failed = false;
  for (const field of schema.fields) {
    const forced = schema.forcedValues?.get(field.name);
    if (forced !== undefined) {
      out[field.name] = forced;
      continue;
    }
    const raw = read(field.name);
    if (raw === undefined) {
      if (field.hasDefault) {
        out[field.name] = clonePyValue(field.makeDefault());
      } else {
        loc.push(field.name);
        fail(ctx, loc, 'missing', 'Field required', input instanceof Map ? input : { ...input });
        loc.pop();
        failed = true;
      }
      continue;
    }
    loc.push(field.name);
    const value = validateSpec(field.spec, raw, loc, ctx);
    loc.pop();
    if (value === INVALID) {
      failed = true;
    } else {
      out[field.name] = value;
    }
  }
  return failed ? INVALID : out;
}
