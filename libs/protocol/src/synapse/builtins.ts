import { py } from './py-type';
import { defineSynapse } from './synapse-definition';

/** The base `bittensor.Synapse` (route `/Synapse`, the axon's built-in ping). No fields, empty body hash. */
export const BaseSynapse = defineSynapse({ name: 'Synapse' });

/**
 * The subnet template's `Dummy`: `dummy_input: int` (required, so it gets `bt_header_input_obj_dummy_input`) and
 * `dummy_output: Optional[int] = None`; no hash fields. `deserialize()` returns `dummy_output`.
 */
export const Dummy = defineSynapse({
  name: 'Dummy',
  fields: {
    dummy_input: py.int(),
    dummy_output: py.optional(py.int()).default(null),
  },
  deserialize: (synapse) => synapse.dummy_output,
});

/**
 * A text-generation synapse (as captured from the real SDK): four required, hashed inputs and an optional
 * `completion` output. `deserialize()` returns `completion`.
 */
export const TextGeneration = defineSynapse({
  name: 'TextGeneration',
  fields: {
    prompt: py.str(),
    max_tokens: py.int(),
    temperature: py.float(),
    seed: py.int(),
    completion: py.optional(py.str()).default(null),
  },
  requiredHashFields: ['prompt', 'max_tokens', 'temperature', 'seed'],
  deserialize: (synapse) => synapse.completion,
});
