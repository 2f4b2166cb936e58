import { BYTELM, decodeBytesTensor, GENERATE_MODEL, readInt64, type TokenBatch } from '@taonode/inference';
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

/** The token batch of a logits request: two INT64 [batch, seq] inputs within the model's bounds. */
export function readTokenBatch(request: inferenceV2.ModelInferRequest): TokenBatch {
  const ids = rawInput(request, BYTELM.inputIds, 'INT64');
  const mask = rawInput(request, BYTELM.attentionMask, 'INT64');
  const [batch, seqLength] = ids.shape;
  if (
    ids.shape.length !== 2 ||
    batch === undefined ||
    seqLength === undefined ||
    mask.shape.join() !== ids.shape.join()
  ) {
    throw invalidArgument('input_ids and attention_mask must both have shape [batch, seq]');
  }
  if (batch < 1 || batch > MAX_REQUEST_BATCH || seqLength < 1 || seqLength > BYTELM.contextLength) {
    throw invalidArgument(
      `shape [${batch}, ${seqLength}] is outside [1..${MAX_REQUEST_BATCH}, 1..${BYTELM.contextLength}]`,
    );
  }
  const count = batch * seqLength;
  if (ids.raw.byteLength !== count * 8 || mask.raw.byteLength !== count * 8) {
    throw invalidArgument(`raw contents must hold ${count} INT64 values each`);
  }
  const inputIds = readInt64(ids.raw);
  if (inputIds.some((id) => id < 0n || id >= BigInt(BYTELM.vocabSize))) {
    throw invalidArgument(`token ids must be in [0, ${BYTELM.vocabSize})`);
  }
  return { batch, seqLength, inputIds, attentionMask: readInt64(mask.raw) };
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
