/**
 * @taonode/inference — the miner's text-generation engine: the synthetic byte-level ONNX model (built
 * deterministically, digest-checked), the reproducible sampler, iteration-level micro-batching, and the backends
 * that run the model (embedded onnxruntime, or Triton/KServe over the Open Inference Protocol v2).
 */
export { EmbeddedOrtBackend, type EmbeddedModelSource, type EmbeddedOrtOptions } from './backends/embedded-ort.backend';
export type { ForwardResult, InferenceBackend, KvCache, TokenBatch } from './backends/inference-backend';
export { detectModelInterface, KV_CACHE_INTERFACE, type ModelInterface } from './backends/model-interface';
export { buildBytelmModel } from './bytelm/bytelm-builder';
export { BYTELM, BYTELM_HEAD_DIM, BYTELM_SHA256, bytelmCacheNames } from './bytelm/bytelm-spec';
export { DEFAULT_MODEL_REPOSITORY, ensureBytelmModel, modelFilePath, sha256Hex } from './bytelm/model-repository';
export { InferenceError, type InferenceErrorCode } from './errors';
export { BatchingGenerator, type BatchingOptions, type GenerationObserver } from './generation/batching-generator';
export { cacheRowElements, emptyKvCache } from './generation/kv-cache';
export { EMITTABLE_TOKENS, TokenSampler } from './generation/token-sampler';
export { GENERATE_MODEL } from './oip/generate-model';
export { inferenceServiceDefinition, OipClient, type InferRequestInput, type OipClientOptions } from './oip/oip-client';
export { decodeBytesTensor, encodeBytesTensor, rawBytes, readFloat32, readInt64 } from './oip/tensor-codec';
export { TritonBackend, TritonStreamingGenerator, type TritonBackendOptions } from './oip/triton.backend';
