import { BYTELM, bytelmCacheNames } from '../bytelm/bytelm-spec';
import { InferenceError } from '../errors';

/**
 * How the engine drives a model, read once from its graph at load:
 * - `kv-cache`: the synthetic model's interface (`input_ids`, `attention_mask` over past + new tokens, per layer
 *   `past_key_i` / `past_value_i` in and `present_key_i` / `present_value_i` out): a prompt runs once, then each step
 *   feeds only the newest token and the cache;
 * - `full-recompute`: `input_ids` (and optionally `attention_mask`) in, `logits` out, no cache: each step feeds the
 *   last contextLength tokens and takes the last position's logits.
 */
export interface ModelInterface {
  readonly kind: 'kv-cache' | 'full-recompute';
  /** Whether the model takes `attention_mask` (always, for `kv-cache`). */
  readonly attentionMask: boolean;
}

/** The element type, or undefined when the runtime does not say (metadata is optional). */
export interface ModelValue {
  readonly name: string;
  readonly type?: string;
}

/**
 * Classifies a model by its input and output names (and element types where the runtime reports them). Anything the
 * engine could not drive is refused here, at load, with what is missing or extra, rather than failing mid-job.
 */
export function detectModelInterface(inputs: readonly ModelValue[], outputs: readonly ModelValue[]): ModelInterface {
  const inputNames = new Set(inputs.map((input) => input.name));
  const outputNames = new Set(outputs.map((output) => output.name));
  const problems: string[] = [];
  const cacheInputs = cacheTensorNames('past');
  const cacheOutputs = cacheTensorNames('present');
  const cached = cacheInputs.some((name) => inputNames.has(name)) || cacheOutputs.some((name) => outputNames.has(name));

  for (const name of [BYTELM.inputIds, ...(cached ? [BYTELM.attentionMask, ...cacheInputs] : [])]) {
    if (!inputNames.has(name)) {
      problems.push(`input '${name}' is missing`);
    }
  }
  for (const name of [BYTELM.logits, ...(cached ? cacheOutputs : [])]) {
    if (!outputNames.has(name)) {
      problems.push(`output '${name}' is missing`);
    }
  }
  const known = new Set<string>([BYTELM.inputIds, BYTELM.attentionMask, ...cacheInputs]);
  for (const name of inputNames) {
    if (!known.has(name)) {
      problems.push(`input '${name}' is not one the engine feeds`);
    }
  }
  const expectedType = new Map<string, string>([
    [BYTELM.inputIds, 'int64'],
    [BYTELM.attentionMask, 'int64'],
    ...cacheInputs.map((name): [string, string] => [name, 'float32']),
  ]);
  for (const value of inputs) {
    checkType(value, expectedType.get(value.name), 'input', problems);
  }
  for (const value of outputs.filter((output) => output.name === BYTELM.logits || cacheOutputs.includes(output.name))) {
    checkType(value, 'float32', 'output', problems);
  }
  if (problems.length > 0) {
    throw new InferenceError(
      'TAONODE_INFERENCE_MODEL_INVALID',
      `the model fits neither accepted interface; read as a ${cached ? 'KV-cache' : 'plain (full-recompute)'} model: ` +
        `${problems.join('; ')} (docs/inference-worker.md lists both)`,
    );
  }
  return cached
    ? { kind: 'kv-cache', attentionMask: true }
    : { kind: 'full-recompute', attentionMask: inputNames.has(BYTELM.attentionMask) };
}

/** The cache-capable interface every backend serving the synthetic model has (Triton serves that model only). */
export const KV_CACHE_INTERFACE: ModelInterface = { kind: 'kv-cache', attentionMask: true };

function cacheTensorNames(side: 'past' | 'present'): string[] {
  return Array.from({ length: BYTELM.layers }, (_, layer) => bytelmCacheNames(layer)).flatMap((names) =>
    side === 'past' ? [names.pastKey, names.pastValue] : [names.presentKey, names.presentValue],
  );
}

function checkType(value: ModelValue, expected: string | undefined, side: string, problems: string[]): void {
  if (expected !== undefined && value.type !== undefined && value.type !== expected) {
    problems.push(`${side} '${value.name}' is ${value.type}, not ${expected}`);
  }
}
