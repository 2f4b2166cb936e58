/**
 * @taonode/synapses — the synapse types this node answers and their handlers, one file each (`modules/`), and the
 * registry the gateway reads definitions from and the worker dispatches from. No I/O: handlers reach the model
 * through the {@link TextGenerator} port.
 */
export { BadSynapseInputError, isBadSynapseInput } from './bad-synapse-input.error';
export { boundedGenerationRequest, MAX_TEMPERATURE, type TextGenerationInputs } from './generation-bounds';
export { StreamingTextGeneration } from './modules/streaming-text-generation.synapse';
export { findSynapseModule, SYNAPSE_MODULES } from './registry';
export {
  decodeSynapseInputs,
  encodeSynapseInputs,
  encodeSynapseOutputs,
  MAX_INPUTS_JSON_LENGTH,
} from './synapse-codec';
export {
  defineSynapseModule,
  type StreamingSynapseModule,
  type SynapseHandlerContext,
  type SynapseInputLimits,
  type SynapseModule,
  type SynapseOutputs,
  type UnarySynapseModule,
} from './synapse-module';
export { runSynapseModule, type ChunkSink } from './synapse-runner';
export type { GenerationRequest, GenerationResult, TextGenerator } from './text-generator.port';
export { collectGeneration } from './text-generator.port';
