import { onnx } from 'onnx-proto';
import { BYTELM, bytelmCacheNames } from './bytelm-spec';
import { OnnxGraph, tensorInfo } from './onnx-graph';
import { WeightPrng } from './weight-prng';

/** Added to the scores of keys a query must not see; exp() of it underflows to exactly 0 in float32. */
const MASKED = -1e9;

/**
 * Builds the synthetic byte-level transformer (BYTELM) as ONNX bytes. Deterministic: the weights come from a seeded
 * PRNG and the graph from a fixed call sequence, so every build has the same sha256 (BYTELM_SHA256).
 *
 * Inputs: `input_ids` (int64 [batch, seq]: the new tokens), `attention_mask` (int64 [batch, past + seq]: the whole
 * context, left-padded) and per layer `past_key_i` / `past_value_i` (float32 [batch, heads, past, head_dim]; past may
 * be 0). Outputs: `logits` (float32 [batch, 256]) for the last position and `present_key_i` / `present_value_i`
 * (the pasts with the new tokens' keys and values appended), which a caller feeds back as the next step's pasts.
 * Positions come from cumsum(attention_mask) over the whole context, so they continue after the past without a
 * separate position input; padded keys are masked, so a prompt gives the same logits alone or left-padded. With
 * empty pasts and the whole context as `input_ids` this is a plain full recompute (what the Triton path may send).
 * past + seq must not exceed the context length (the causal mask and position table are that long).
 *
 * `kvCache: false` builds the same weights without the cache tensors (`input_ids` and `attention_mask` in, `logits`
 * out): the plain shape an operator's own model may have, which the engine runs by a full recompute each step. It is
 * not the served model (its sha256 differs); tests use it to check that path against the cached one.
 */
export function buildBytelmModel(options: { readonly kvCache?: boolean } = {}): Uint8Array {
  const kvCache = options.kvCache ?? true;
  const { vocabSize, modelDim: d, heads, feedForwardDim: ff, contextLength: ctx } = BYTELM;
  const headDim = d / heads;
  const rng = new WeightPrng(BYTELM.weightSeed);
  const g = new OnnxGraph();
  const ones = (n: number): Float32Array => new Float32Array(n).fill(1);
  const linear = (name: string, rows: number, cols: number, gain = 1): string =>
    g.floats(name, [rows, cols], rng.uniform(rows * cols, gain * Math.sqrt(3 / rows)));
  const layerNorm = (x: string, name: string): string =>
    g.op(
      'LayerNormalization',
      [x, g.floats(`${name}.gamma`, [d], ones(d)), g.floats(`${name}.beta`, [d], new Float32Array(d))],
      {
        axis: -1,
        epsilon: 1e-5,
      },
    );

  const tokenTable = g.floats('token_embedding', [vocabSize, d], rng.uniform(vocabSize * d, 1));
  const positionTable = g.floats('position_embedding', [ctx, d], rng.uniform(ctx * d, 0.5));

  const pastLength = kvCache
    ? g.op('Shape', [bytelmCacheNames(0).pastKey], { start: 2, end: 3 })
    : g.int64s('past_length', [0]);
  const totalLength = g.op('Shape', [BYTELM.attentionMask], { start: 1, end: 2 });
  const axis1 = g.int64s('axis_1', [1]);

  // Position of each token = number of real tokens up to it in the whole context, minus one; padding (mask 0) is
  // clamped to 0. The new tokens take the last `seq` positions, so they continue after the past.
  const contextPositions = g.op('Max', [
    g.op('Sub', [g.op('CumSum', [BYTELM.attentionMask, axis1]), g.int64s('one_i64', [1])]),
    g.int64s('zero_i64', [0]),
  ]);
  const positions = g.op('Slice', [contextPositions, pastLength, totalLength, axis1]);
  let x = g.op('Add', [g.op('Gather', [tokenTable, BYTELM.inputIds]), g.op('Gather', [positionTable, positions])]);

  // Additive mask [batch, 1, seq, past + seq]: causal (rows past.. of a constant) plus padded keys.
  const causalValues = new Float32Array(ctx * ctx);
  for (let i = 0; i < ctx; i++) {
    for (let j = i + 1; j < ctx; j++) {
      causalValues[i * ctx + j] = MASKED;
    }
  }
  const causal = g.op('Slice', [
    g.floats('causal_mask', [ctx, ctx], causalValues),
    g.op('Concat', [pastLength, g.int64s('zero_start', [0])], { axis: 0 }),
    g.op('Concat', [totalLength, totalLength], { axis: 0 }),
    g.int64s('axes_01', [0, 1]),
  ]);
  const keyMask = g.op('Mul', [
    g.op('Sub', [g.op('Cast', [BYTELM.attentionMask], { to: onnx.TensorProto.DataType.FLOAT }), g.scalar('one_f', 1)]),
    g.scalar('masked_f', -MASKED),
  ]);
  const mask = g.op('Add', [causal, g.op('Unsqueeze', [keyMask, g.int64s('axes_12', [1, 2])])]);

  const cacheInputs: onnx.IValueInfoProto[] = [];
  const cacheOutputs: { from: string; info: onnx.IValueInfoProto }[] = [];
  const cacheTensor = (name: string, length: string): onnx.IValueInfoProto =>
    tensorInfo(name, onnx.TensorProto.DataType.FLOAT, ['batch', heads, length, headDim]);
  const splitHeads = g.int64s('split_heads', [0, 0, heads, headDim]);
  const mergeHeads = g.int64s('merge_heads', [0, 0, d]);
  const scale = g.scalar('attention_scale', 1 / Math.sqrt(headDim));
  for (let layer = 0; layer < BYTELM.layers; layer++) {
    const p = `layer${layer}`;
    const h = layerNorm(x, `${p}.ln1`);
    const project = (name: string): string =>
      g.op('Reshape', [g.op('MatMul', [h, linear(`${p}.${name}`, d, d)]), splitHeads]);
    const names = bytelmCacheNames(layer);
    const q = g.op('Transpose', [project('wq')], { perm: [0, 2, 1, 3] });
    const newKey = (): string => g.op('Transpose', [project('wk')], { perm: [0, 2, 1, 3] });
    const newValue = (): string => g.op('Transpose', [project('wv')], { perm: [0, 2, 1, 3] });
    let presentKey: string;
    let presentValue: string;
    if (kvCache) {
      // Written under their output names: an Identity rename would copy the whole cache on every step.
      presentKey = g.op('Concat', [names.pastKey, newKey()], { axis: 2 }, names.presentKey);
      presentValue = g.op('Concat', [names.pastValue, newValue()], { axis: 2 }, names.presentValue);
      cacheInputs.push(cacheTensor(names.pastKey, 'past'), cacheTensor(names.pastValue, 'past'));
      cacheOutputs.push(
        { from: presentKey, info: cacheTensor(names.presentKey, 'total') },
        { from: presentValue, info: cacheTensor(names.presentValue, 'total') },
      );
    } else {
      presentKey = newKey();
      presentValue = newValue();
    }
    const k = g.op('Transpose', [presentKey], { perm: [0, 1, 3, 2] });
    const v = presentValue;
    const scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q, k]), scale]), mask]);
    const attended = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.op('Reshape', [g.op('Transpose', [attended], { perm: [0, 2, 1, 3] }), mergeHeads]);
    x = g.op('Add', [x, g.op('MatMul', [merged, linear(`${p}.wo`, d, d)])]);

    const h2 = layerNorm(x, `${p}.ln2`);
    const up = g.op('Relu', [
      g.op('Add', [
        g.op('MatMul', [h2, linear(`${p}.ff1`, d, ff)]),
        g.floats(`${p}.ff1.bias`, [ff], rng.uniform(ff, 0.1)),
      ]),
    ]);
    const down = g.op('Add', [
      g.op('MatMul', [up, linear(`${p}.ff2`, ff, d)]),
      g.floats(`${p}.ff2.bias`, [d], rng.uniform(d, 0.1)),
    ]);
    x = g.op('Add', [x, down]);
  }

  // Only the last position's logits: left padding puts every sequence's newest token there.
  const last = g.op('Squeeze', [
    g.op('Slice', [
      x,
      g.int64s('minus_one', [-1]),
      g.int64s('int64_max', [Number.MAX_SAFE_INTEGER]),
      g.int64s('axis_1b', [1]),
    ]),
    g.int64s('squeeze_axis', [1]),
  ]);
  const logits = g.op('MatMul', [layerNorm(last, 'ln_final'), linear('lm_head', d, vocabSize, 4)]);

  return g.encode({
    name: BYTELM.modelName,
    opset: BYTELM.opset,
    inputs: [
      tensorInfo(BYTELM.inputIds, onnx.TensorProto.DataType.INT64, ['batch', 'seq']),
      tensorInfo(BYTELM.attentionMask, onnx.TensorProto.DataType.INT64, ['batch', 'total']),
      ...cacheInputs,
    ],
    outputs: [
      { from: logits, info: tensorInfo(BYTELM.logits, onnx.TensorProto.DataType.FLOAT, ['batch', vocabSize]) },
      ...cacheOutputs,
    ],
  });
}
