import { SynapseValidationError } from '../errors/body-errors';
import { SynapseDefinitionError } from '../errors/local-errors';
import type { PyDict } from '../python/py-value';
import { INVALID, validateModel, type ValidationContext } from './lax-validator';
import { dumpModel } from './model-dump';
import { clonePyValue, type FieldDescriptor, type ModelSchema, type ModelValues } from './model-schema';
import { FieldSpec, type FieldShape, type ModelTypeSource, type ShapeInput, type ShapeValues } from './py-type';
import { containsModel } from './type-spec';
import { formatValidationIssues } from './validation-issue';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Resolves a field shape into descriptors, checking names are valid pydantic field names. */
export function buildFieldDescriptors(modelName: string, shape: FieldShape): FieldDescriptor[] {
  return Object.entries(shape).map(([name, declaration]) => {
    if (!FIELD_NAME.test(name)) {
      throw new SynapseDefinitionError(`${modelName}: '${name}' is not a public Python field name`);
    }
    const spec = declaration instanceof FieldSpec ? declaration.type.spec : declaration.spec;
    return {
      name,
      spec,
      hasDefault: declaration instanceof FieldSpec ? declaration.hasDefault : false,
      makeDefault: declaration instanceof FieldSpec ? declaration.makeDefault : () => undefined,
      frozen: declaration instanceof FieldSpec ? declaration.isFrozen : false,
      dumpsModels: containsModel(spec),
    };
  });
}

/** Assembles a schema from descriptors. */
export function buildSchema(
  name: string,
  fields: readonly FieldDescriptor[],
  forcedValues?: ReadonlyMap<string, unknown>,
): ModelSchema {
  const fieldsByName = new Map<string, FieldDescriptor>();
  for (const descriptor of fields) {
    if (fieldsByName.has(descriptor.name)) {
      throw new SynapseDefinitionError(`${name}: field '${descriptor.name}' is declared twice`);
    }
    fieldsByName.set(descriptor.name, descriptor);
  }
  return { name, fields, fieldsByName, forcedValues };
}

/** Runs model validation and throws a {@link SynapseValidationError} (pydantic-formatted) on failure. */
export function validateWithSchema(schema: ModelSchema, input: unknown): ModelValues {
  const ctx: ValidationContext = { issues: [] };
  const values = validateModel(schema, input, [], ctx);
  if (values === INVALID) {
    throw new SynapseValidationError(schema.name, ctx.issues, formatValidationIssues(schema.name, ctx.issues));
  }
  return values;
}

/**
 * A pydantic `BaseModel` declaration for nested field types (`py.model(definition)`). Values are plain objects
 * in field order; `dump` gives the `model_dump()` dict.
 */
export class ModelDefinition<S extends FieldShape> implements ModelTypeSource<ShapeValues<S>, ShapeInput<S>> {
  declare readonly __values?: ShapeValues<S>;
  declare readonly __input?: ShapeInput<S>;
  readonly schema: ModelSchema;

  constructor(
    readonly name: string,
    readonly shape: S,
  ) {
    this.schema = buildSchema(name, buildFieldDescriptors(name, shape));
  }

  /** Validates lax input (Map or plain object); throws {@link SynapseValidationError}. */
  validate(input: unknown): ShapeValues<S> {
    return validateWithSchema(this.schema, input) as ShapeValues<S>;
  }

  /** Builds an instance from typed input (defaults filled, values coerced like pydantic). */
  create(input: ShapeInput<S>): ShapeValues<S> {
    return this.validate(input);
  }

  /** `model_dump()`: an ordered dict with nested models as dicts. */
  dump(values: ShapeValues<S>): PyDict {
    return dumpModel(this.schema, values);
  }

  /** Deep copy. */
  copy(values: ShapeValues<S>): ShapeValues<S> {
    return clonePyValue(values);
  }
}

/** Declares a nested pydantic model: `defineModel('Point', { x: py.float(), y: py.float() })`. */
export function defineModel<S extends FieldShape>(name: string, shape: S): ModelDefinition<S> {
  return new ModelDefinition(name, shape);
}
