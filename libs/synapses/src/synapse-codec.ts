import {
  isProtocolError,
  parseLosslessJson,
  STARLETTE_RESPONSE_JSON_STYLE,
  writePythonJson,
  type FieldShape,
  type PyValue,
  type SynapseDefinition,
  type SynapseValues,
} from '@taonode/protocol';
import { BadSynapseInputError } from './bad-synapse-input.error';
import type { SynapseModule, SynapseOutputs } from './synapse-module';

/** Largest `inputsJson` accepted: the gateway's body limit is far below; this only bounds the parse. */
export const MAX_INPUTS_JSON_LENGTH = 4 * 1024 * 1024;

/**
 * Turns a job's `inputsJson` (Python-JSON object text of the synapse's input fields) into validated synapse values,
 * with the declaration's pydantic semantics. Anything that does not parse or validate is a
 * {@link BadSynapseInputError}: retrying cannot fix it.
 */
export function decodeSynapseInputs<S extends FieldShape>(
  module: SynapseModule<S>,
  inputsJson: string,
): SynapseValues<S> {
  const name = module.synapse.name;
  if (inputsJson.length > MAX_INPUTS_JSON_LENGTH) {
    throw new BadSynapseInputError(name, `inputs are longer than ${MAX_INPUTS_JSON_LENGTH} characters`);
  }
  try {
    const parsed = parseLosslessJson(inputsJson);
    if (!(parsed instanceof Map)) {
      throw new BadSynapseInputError(name, 'inputs are not a JSON object');
    }
    return module.synapse.validate(parsed);
  } catch (error) {
    if (isProtocolError(error)) {
      throw new BadSynapseInputError(name, error.message, { cause: error });
    }
    throw error;
  }
}

/** Python-JSON object text of a handler's output fields, in the order the handler returned them. */
export function encodeSynapseOutputs<S extends FieldShape>(outputs: SynapseOutputs<S>): string {
  const fields = new Map<string, PyValue>();
  for (const [key, value] of Object.entries(outputs)) {
    if (value !== undefined) {
      fields.set(key, value as PyValue);
    }
  }
  return writePythonJson(fields, STARLETTE_RESPONSE_JSON_STYLE);
}

/**
 * The producer's side of {@link decodeSynapseInputs}: Python-JSON object text of a synapse's own (non-base) fields,
 * in declaration order — what a job's `inputsJson` carries. Base fields (terminal infos, hash, sizes) stay with
 * the producer: the worker needs only the inputs.
 */
export function encodeSynapseInputs<S extends FieldShape>(
  definition: SynapseDefinition<S>,
  synapse: SynapseValues<S>,
): string {
  const values = synapse as Record<string, unknown>;
  const fields = new Map<string, PyValue>();
  for (const { name } of definition.subclassFields) {
    fields.set(name, values[name] as PyValue);
  }
  return writePythonJson(fields, STARLETTE_RESPONSE_JSON_STYLE);
}
