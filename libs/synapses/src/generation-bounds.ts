import { BadSynapseInputError } from './bad-synapse-input.error';
import type { SynapseInputLimits } from './synapse-module';
import type { GenerationRequest } from './text-generator.port';

/** Above this the softmax is flat to float precision; nobody needs more, and it bounds the sampler's arithmetic. */
export const MAX_TEMPERATURE = 100;

/** The input fields a text-generation synapse shares (as validated by its declaration). */
export interface TextGenerationInputs {
  readonly prompt: string;
  readonly max_tokens: bigint;
  readonly temperature: number;
  readonly seed: bigint;
}

/**
 * Checks a text-generation request against the deployment's bounds and the model's needs, before any inference:
 * a non-empty prompt of at most `maxPromptBytes` UTF-8 bytes, 1 ≤ max_tokens ≤ `maxTokens`, 0 ≤ temperature ≤
 * {@link MAX_TEMPERATURE}. Throws {@link BadSynapseInputError}.
 */
export function boundedGenerationRequest(
  synapse: string,
  inputs: TextGenerationInputs,
  limits: SynapseInputLimits,
): GenerationRequest {
  const bad = (message: string): BadSynapseInputError => new BadSynapseInputError(synapse, message);
  // Measured in UTF-16 units first: a string longer than the byte bound in units is over it in bytes too.
  if (inputs.prompt.length > limits.maxPromptBytes || Buffer.byteLength(inputs.prompt) > limits.maxPromptBytes) {
    throw bad(`prompt is longer than ${limits.maxPromptBytes} UTF-8 bytes`);
  }
  if (inputs.prompt.length === 0) {
    throw bad('prompt is empty');
  }
  if (inputs.max_tokens < 1n || inputs.max_tokens > BigInt(limits.maxTokens)) {
    throw bad(`max_tokens must be between 1 and ${limits.maxTokens}, got ${inputs.max_tokens}`);
  }
  if (!Number.isFinite(inputs.temperature) || inputs.temperature < 0 || inputs.temperature > MAX_TEMPERATURE) {
    throw bad(`temperature must be between 0 and ${MAX_TEMPERATURE}, got ${inputs.temperature}`);
  }
  return {
    prompt: inputs.prompt,
    maxTokens: Number(inputs.max_tokens),
    temperature: inputs.temperature,
    seed: inputs.seed,
  };
}
