import fc from 'fast-check';
import { loadBittensorVectors } from '@taonode/testing';
import { weightCommitHash, weightCommitPreimage } from './commit-hash';
import { convertWeightsAndUidsForEmit, roundHalfEven } from './convert-weights';
import { normalizeMaxWeight } from './normalize-max-weight';
import { processWeightsForNetuid, U16_MAX } from './process-weights';

interface WeightVectors {
  convert_weights_and_uids_for_emit: {
    input_uids: number[];
    input_weights_float32: number[];
    output: [number[], number[]];
  };
  process_weights: {
    uids: number[];
    weights_float32: number[];
    num_neurons: number;
    min_allowed_weights: number;
    max_weight_limit: number;
    exclude_quantile: number;
    out_uids: number[];
    out_weights_float32: number[];
    then_emit: [number[], number[]];
  };
  normalize_max_weight: { x: number[]; limit: number; y: number[] };
  process_weights_all_zero: { out_uids: number[]; out_weights: number[] };
  process_weights_fewer_than_min: {
    weights: number[];
    min_allowed_weights: number;
    max_weight_limit: number;
    out_uids: number[];
    out_weights: number[];
  };
  commit_hash: {
    hotkey_ss58: string;
    netuid_storage_index: number;
    uids: number[];
    values: number[];
    salt: number[];
    version_key: number;
    preimage_hex: string;
    commit_hash: string;
  };
}

const vectors = loadBittensorVectors<{ weights: WeightVectors }>().weights;

describe('weight math against the SDK vectors', () => {
  it('converts float weights to u16 exactly as convert_weights_and_uids_for_emit', () => {
    const v = vectors.convert_weights_and_uids_for_emit;
    const out = convertWeightsAndUidsForEmit(v.input_uids, v.input_weights_float32);
    expect([out.uids, out.values]).toEqual(v.output);
  });

  it('processes weights for a netuid bit for bit, then emits the vector u16 values', () => {
    const v = vectors.process_weights;
    const out = processWeightsForNetuid({
      uids: v.uids,
      weights: v.weights_float32,
      numNeurons: v.num_neurons,
      minAllowedWeights: v.min_allowed_weights,
      maxWeightLimit: v.max_weight_limit,
      excludeQuantile: v.exclude_quantile,
    });
    expect(out.uids).toEqual(v.out_uids);
    expect(out.weights).toEqual(v.out_weights_float32);
    const emitted = convertWeightsAndUidsForEmit(out.uids, out.weights);
    expect([emitted.uids, emitted.values]).toEqual(v.then_emit);
  });

  it('normalises with a max weight limit bit for bit', () => {
    const v = vectors.normalize_max_weight;
    expect(normalizeMaxWeight(v.x, v.limit)).toEqual(v.y);
  });

  it('spreads weight uniformly when every weight is zero', () => {
    const v = vectors.process_weights_all_zero;
    const out = processWeightsForNetuid({
      uids: [0, 1, 2, 3],
      weights: [0, 0, 0, 0],
      numNeurons: 4,
      minAllowedWeights: 1,
      maxWeightLimit: 1,
    });
    expect(out).toEqual({ uids: v.out_uids, weights: v.out_weights });
  });

  it('pads with 1e-5 when fewer weights than the minimum are non-zero', () => {
    const v = vectors.process_weights_fewer_than_min;
    const out = processWeightsForNetuid({
      uids: [0, 1, 2, 3],
      weights: v.weights,
      numNeurons: v.weights.length,
      minAllowedWeights: v.min_allowed_weights,
      maxWeightLimit: v.max_weight_limit,
    });
    expect(out).toEqual({ uids: v.out_uids, weights: v.out_weights });
  });

  it('builds the commit-reveal preimage and hash of the vector', () => {
    const v = vectors.commit_hash;
    const commit = {
      hotkey: v.hotkey_ss58,
      netuidIndex: v.netuid_storage_index,
      uids: v.uids,
      values: v.values,
      salt: v.salt,
      versionKey: v.version_key,
    };
    expect(Buffer.from(weightCommitPreimage(commit)).toString('hex')).toBe(v.preimage_hex.slice(2));
    expect(weightCommitHash(commit)).toBe(v.commit_hash);
  });
});

describe('u16 conversion properties', () => {
  it('rounds ties to even like Python round()', () => {
    expect([0.5, 1.5, 2.5, 3.5, 4.5, 2.4, 2.6, 65534.5].map(roundHalfEven)).toEqual([0, 2, 2, 4, 4, 2, 3, 65534]);
  });

  it('always scales the largest weight to 65535 and keeps every value within u16', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 64 }),
        (weights) => {
          const uids = weights.map((_, index) => index);
          const out = convertWeightsAndUidsForEmit(uids, weights);
          if (weights.every((weight) => Math.fround(weight) === 0)) {
            return out.values.length === 0;
          }
          return Math.max(...out.values) === U16_MAX && out.values.every((value) => value > 0 && value <= U16_MAX);
        },
      ),
    );
  });

  it('rejects negative weights and mismatched lengths', () => {
    expect(() => convertWeightsAndUidsForEmit([0, 1], [0.5, -0.1])).toThrow('non-negative');
    expect(() => convertWeightsAndUidsForEmit([0], [0.5, 0.1])).toThrow('differ in length');
  });
});
