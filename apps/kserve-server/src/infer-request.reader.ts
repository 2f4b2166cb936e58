import {
  BYTELM,
  BYTELM_HEAD_DIM,
  bytelmCacheNames,
  cacheRowElements,
  decodeBytesTensor,
  GENERATE_MODEL,
  readFloat32,
  readInt64,
  type TokenBatch,
} from '@taonode/inference';
import type { inferenceV2 } from '@taonode/proto';
import type { GenerationRequest } from '@taonode/synapses';
import { invalidArgument } from './kserve-errors';

/** Most rows one logits request may carry; bounds the work before it starts. */
export const MAX_REQUEST_BATCH = 256;
/** Largest max_tokens one generate request may ask for. */
export const MAX_GENERATE_TOKENS = 4096;
/** Largest prompt of one generate request, in bytes. */
export const MAX_PROMPT_BYTES = 64 * 1024;

/** The raw contents of input `name`, with its declared datatype and shape checked. */
function rawInput(
  request: inferenceV2.ModelInferRequest,
  name: string,
  datatype: string,
): { raw: Uint8Array; shape: number[] } {
  const index = request.inputs.findIndex((input) => input.name === name);
  const input = request.inputs[index];
  const raw = request.rawInputContents[index];
  if (input === undefined) {
    throw invalidArgument(`missing input '${name}'`);
  }
  if (raw === undefined) {
    throw invalidArgument(`input '${name}' must be sent in raw_input_contents`);
  }
  if (input.datatype !== datatype) {
    throw invalidArgument(`input '${name}' must be ${datatype}, got ${input.datatype}`);
  }
  return { raw, shape: input.shape.map(Number) };
}

/**
 * The token batch of a logits request: `input_ids` INT64 [batch, seq], `attention_mask` INT64 [batch, past + seq]
 * and per layer `past_key_i` / `past_value_i` FP32 [batch, heads, past, head_dim] (past may be 0), within the
 * model's bounds. The present cache is computed only when the request asks for a present output, or for no output
 * in particular (then KServe v2 returns every output).
 */
export function readTokenBatch(request: inferenceV2.ModelInferRequest): TokenBatch {
  const ids = rawInput(request, BYTELM.inputIds, 'INT64');
  const mask = rawInput(request, BYTELM.attentionMask, 'INT64');
  const [batch, seqLength] = ids.shape;
  const [maskBatch, totalLength] = mask.shape;
  if (
    ids.shape.length !== 2 ||
    mask.shape.length !== 2 ||
    batch === undefined ||
    seqLength === undefined ||
    totalLength === undefined ||
    maskBatch !== batch
  ) {
    throw invalidArgument('input_ids must have shape [batch, seq] and attention_mask [batch, past + seq]');
  }
  const pastLength = totalLength - seqLength;
  if (batch < 1 || batch > MAX_REQUEST_BATCH || seqLength < 1 || pastLength < 0 || totalLength > BYTELM.contextLength) {
    throw invalidArgument(
      `shape [${batch}, ${seqLength}] after ${pastLength} past tokens is outside [1..${MAX_REQUEST_BATCH}, 1..${BYTELM.contextLength}] in all`,
    );
  }
  if (ids.raw.byteLength !== batch * seqLength * 8 || mask.raw.byteLength !== batch * totalLength * 8) {
    throw invalidArgument('raw contents of input_ids and attention_mask must match their shapes');
  }
  const inputIds = readInt64(ids.raw);
  if (inputIds.some((id) => id < 0n || id >= BigInt(BYTELM.vocabSize))) {
    throw invalidArgument(`token ids must be in [0, ${BYTELM.vocabSize})`);
  }
  const cacheShape = [batch, BYTELM.heads, pastLength, BYTELM_HEAD_DIM].join();
  const pastInput = (name: string): Float32Array => {
    const past = rawInput(request, name, 'FP32');
    if (past.shape.join() !== cacheShape) {
      throw invalidArgument(`input '${name}' must have shape [${cacheShape}]`);
    }
    try {
      return readFloat32(past.raw, batch * cacheRowElements(pastLength));
    } catch {
      throw invalidArgument(`raw contents of '${name}' must match its shape`);
    }
  };
  const layers = Array.from({ length: BYTELM.layers }, (_, layer) => bytelmCacheNames(layer));
  const presentNames = new Set(layers.flatMap((names) => [names.presentKey, names.presentValue]));
  return {
    batch,
    seqLength,
    pastLength,
    inputIds,
    attentionMask: readInt64(mask.raw),
    past: {
      keys: layers.map((names) => pastInput(names.pastKey)),
      values: layers.map((names) => pastInput(names.pastValue)),
    },
    returnCache: request.outputs.length === 0 || request.outputs.some((output) => presentNames.has(output.name)),
  };
}

function single(raw: Uint8Array, name: string): Buffer {
  const [element, ...rest] = decodeBytesTensor(raw);
  if (element === undefined || rest.length > 0) {
    throw invalidArgument(`input '${name}' must hold exactly one element`);
  }
  return element;
}

/** The generation request of a generate-model request (GENERATE_MODEL inputs, each of shape [1]). */
export function readGenerationRequest(request: inferenceV2.ModelInferRequest): GenerationRequest {
  const text = rawInput(request, GENERATE_MODEL.textInput, 'BYTES');
  const prompt = single(text.raw, GENERATE_MODEL.textInput);
  if (prompt.length === 0 || prompt.length > MAX_PROMPT_BYTES) {
    throw invalidArgument(`text_input must have 1 to ${MAX_PROMPT_BYTES} bytes`);
  }
  const maxTokensRaw = rawInput(request, GENERATE_MODEL.maxTokens, 'INT32').raw;
  const temperatureRaw = rawInput(request, GENERATE_MODEL.temperature, 'FP32').raw;
  if (maxTokensRaw.byteLength !== 4 || temperatureRaw.byteLength !== 4) {
    throw invalidArgument('max_tokens and temperature must each hold one value');
  }
  const maxTokens = Buffer.from(maxTokensRaw).readInt32LE(0);
  const temperature = Buffer.from(temperatureRaw).readFloatLE(0);
  if (maxTokens < 1 || maxTokens > MAX_GENERATE_TOKENS) {
    throw invalidArgument(`max_tokens must be in [1, ${MAX_GENERATE_TOKENS}]`);
  }
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw invalidArgument('temperature must be finite and not negative');
  }
  const seedText = single(rawInput(request, GENERATE_MODEL.seed, 'BYTES').raw, GENERATE_MODEL.seed).toString('utf8');
  if (!/^-?\d{1,100}$/.test(seedText)) {
    throw invalidArgument('seed must be a decimal integer of at most 100 digits');
  }
  return { prompt: prompt.toString('utf8'), maxTokens, temperature, seed: BigInt(seedText) };
}
