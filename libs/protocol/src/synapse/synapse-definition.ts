import { SynapseDefinitionError } from '../errors/local-errors';
import { computeBodyHash } from '../hash/body-hash';
import type { PyDict } from '../python/py-value';
import { buildFieldDescriptors, buildSchema, validateWithSchema } from './model-definition';
import { dumpModel } from './model-dump';
import { clonePyValue, type FieldDescriptor, type ModelSchema } from './model-schema';
import { py, type FieldShape, type ShapeInput, type ShapeValues } from './py-type';
import {
  emptyTerminalInfo,
  SDK_CAST_TYPES,
  TERMINAL_INFO_MODEL,
  type TerminalInfo,
  type TerminalInfoInput,
} from './terminal-info';

/** The seven fields every synapse has, in the SDK's order (they precede subclass fields everywhere). */
export type SynapseBaseValues = {
  /** Always the class name (the SDK overwrites it on every construction). */
  name: string | null;
  /** Seconds; the dendrite sets it to the call timeout. */
  timeout: number | null;
  /** CPython object size in the SDK; any integer here. */
  total_size: bigint | null;
  /** CPython dict size in the SDK (only meaningful as a header); any integer here. */
  header_size: bigint | null;
  dendrite: TerminalInfo | null;
  axon: TerminalInfo | null;
  /** Frozen; stays `""` in bodies — the real hash travels in the header of the same name. */
  computed_body_hash: string | null;
};

/** Base fields accepted when building a synapse locally. */
export type SynapseBaseInput = {
  timeout?: number | bigint | string | null;
  total_size?: bigint | number | string | null;
  header_size?: bigint | number | string | null;
  dendrite?: TerminalInfoInput | null;
  axon?: TerminalInfoInput | null;
  computed_body_hash?: string | null;
};

/** A synapse's values: base fields plus the subclass fields of shape `S`. */
export type SynapseValues<S extends FieldShape> = SynapseBaseValues & ShapeValues<S>;

/** Input to {@link SynapseDefinition.create}: subclass fields (required ones mandatory) and optional base fields. */
export type SynapseInput<S extends FieldShape> = ShapeInput<S> & SynapseBaseInput;

/** Names of the base fields, in order. */
export const SYNAPSE_BASE_FIELD_NAMES = [
  'name',
  'timeout',
  'total_size',
  'header_size',
  'dendrite',
  'axon',
  'computed_body_hash',
] as const;

const BASE_SHAPE = {
  name: py.optional(py.str()).default(null),
  timeout: SDK_CAST_TYPES.float.default(12.0),
  total_size: SDK_CAST_TYPES.int.default(0n),
  header_size: SDK_CAST_TYPES.int.default(0n),
  dendrite: py.optional(py.model(TERMINAL_INFO_MODEL)).defaultFactory(emptyTerminalInfo),
  axon: py.optional(py.model(TERMINAL_INFO_MODEL)).defaultFactory(emptyTerminalInfo),
  computed_body_hash: py.optional(py.str()).default('').frozen(),
};

/** Field names a subclass may not use: base fields, and names the SDK reserves. */
const RESERVED_FIELD_NAMES = new Set<string>([...SYNAPSE_BASE_FIELD_NAMES, 'body_hash', 'required_hash_fields']);

/** Checks the hash fields exist and puts them in hashing order. */
function resolveHashFields(
  schema: ModelSchema,
  listed: readonly string[],
  order: 'declared' | 'definition' | undefined,
): string[] {
  for (const name of listed) {
    if (!schema.fieldsByName.has(name)) {
      throw new SynapseDefinitionError(`${schema.name}: required hash field '${name}' is not a field`);
    }
  }
  if (order === 'definition') {
    return schema.fields.map((f) => f.name).filter((name) => listed.includes(name));
  }
  return [...listed];
}

/** Options of {@link defineSynapse}. */
export interface SynapseDefinitionOptions<S extends FieldShape> {
  /** The Python class name: the route (`POST /{name}`) and the `name` field. */
  readonly name: string;
  /** Subclass fields in definition order; a bare type is required (no default). */
  readonly fields?: S;
  /** `required_hash_fields` (class variable) in its declared order; any field, base or subclass. */
  readonly requiredHashFields?: readonly ((keyof S & string) | (typeof SYNAPSE_BASE_FIELD_NAMES)[number])[];
  /**
   * `declared` (default): hash in the listed order, as for the `ClassVar` form. `definition`: the deprecated form
   * where `required_hash_fields` is a pydantic field — the SDK then hashes in `model_dump()` order.
   */
  readonly hashFieldOrder?: 'declared' | 'definition';
  /** The subclass's `deserialize()`: what a dendrite call returns (default: the synapse itself). */
  readonly deserialize?: (synapse: SynapseValues<S>) => unknown;
}

/**
 * A Bittensor synapse class: base `Synapse` fields followed by subclass fields, `required_hash_fields`, and the
 * pydantic semantics the SDK applies when it builds one (lax coercion, defaults, forced `name`).
 */
export class SynapseDefinition<S extends FieldShape = FieldShape> {
  readonly name: string;
  readonly shape: S;
  /** Full schema (base + subclass fields). */
  readonly schema: ModelSchema;
  /** Subclass fields in definition order. */
  readonly subclassFields: readonly FieldDescriptor[];
  /** Subclass fields declared without default (JSON-schema `required`): each gets a `bt_header_input_obj_*`. */
  readonly requiredFieldNames: readonly string[];
  /** Fields covered by the body hash, in hashing order. */
  readonly requiredHashFields: readonly string[];
  /** Typed loosely so a `SynapseDefinition<Specific>` stays assignable to `SynapseDefinition<FieldShape>`. */
  private readonly deserializer: ((synapse: never) => unknown) | undefined;

  constructor(options: SynapseDefinitionOptions<S>) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.name)) {
      throw new SynapseDefinitionError(`'${options.name}' is not a Python class name`);
    }
    this.name = options.name;
    this.shape = options.fields ?? ({} as S);
    this.subclassFields = buildFieldDescriptors(options.name, this.shape);
    for (const descriptor of this.subclassFields) {
      if (RESERVED_FIELD_NAMES.has(descriptor.name)) {
        throw new SynapseDefinitionError(`${options.name}: field name '${descriptor.name}' is reserved by Synapse`);
      }
    }
    const baseFields = buildFieldDescriptors('Synapse', BASE_SHAPE);
    this.schema = buildSchema(options.name, [...baseFields, ...this.subclassFields], new Map([['name', options.name]]));
    this.requiredFieldNames = this.subclassFields.filter((f) => !f.hasDefault).map((f) => f.name);
    this.requiredHashFields = resolveHashFields(this.schema, options.requiredHashFields ?? [], options.hashFieldOrder);
    this.deserializer = options.deserialize;
  }

  /** Builds a synapse locally (`Dummy(dummy_input=4)`): lax coercion, defaults; throws `SynapseValidationError`. */
  create(input: SynapseInput<S>): SynapseValues<S> {
    return this.validate(input);
  }

  /**
   * Validates a dict (a decoded JSON body as `Map`, or a plain object) the way `SynapseClass(**body)` does:
   * unknown keys ignored, `name` forced to the class name, missing required fields rejected.
   */
  validate(input: unknown): SynapseValues<S> {
    return validateWithSchema(this.schema, input) as SynapseValues<S>;
  }

  /** `model_dump()`: ordered dict of every field, TerminalInfo and nested models as dicts. */
  dump(synapse: SynapseValues<S>): PyDict {
    return dumpModel(this.schema, synapse);
  }

  /** The SDK's `body_hash`: SHA3-256 over the Python `str()` of each required hash field. */
  bodyHash(synapse: SynapseValues<S>): string {
    return computeBodyHash(this, synapse);
  }

  /** The subclass's `deserialize()` result (the synapse itself unless the definition says otherwise). */
  deserialize(synapse: SynapseValues<S>): unknown {
    return this.deserializer === undefined
      ? synapse
      : (this.deserializer as (values: SynapseValues<S>) => unknown)(synapse);
  }

  /** Deep copy (the dendrite's `model_copy()` is shallow, but sharing mutable values between calls is a trap). */
  copy(synapse: SynapseValues<S>): SynapseValues<S> {
    return clonePyValue(synapse);
  }
}

/**
 * Declares a synapse class:
 * ```ts
 * const TextGeneration = defineSynapse({
 *   name: 'TextGeneration',
 *   fields: { prompt: py.str(), max_tokens: py.int(), completion: py.optional(py.str()).default(null) },
 *   requiredHashFields: ['prompt', 'max_tokens'],
 * });
 * ```
 */
export function defineSynapse<S extends FieldShape = Record<never, never>>(
  options: SynapseDefinitionOptions<S>,
): SynapseDefinition<S> {
  return new SynapseDefinition(options);
}
