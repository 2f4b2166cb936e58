import { ChainError } from '../errors/chain.error';
import { prepareWeights } from './prepare-weights';
import { describeWeightsOutcome, retryPolicyOf, weightsOutcomeOfError } from './weights-outcome';
import { chooseWeightsPath } from './weights-path';

const LIMITS = { numNeurons: 4, minAllowedWeights: 1, maxWeightsLimit: 65535 };

describe('chooseWeightsPath', () => {
  const facts = { netuid: 1, commitRevealEnabled: false, commitRevealVersion: null, hasTimelockedCommit: false };

  it('sets directly when commit-reveal is off, whatever the runtime offers', () => {
    expect(chooseWeightsPath({ ...facts, commitRevealVersion: 4, hasTimelockedCommit: true })).toBe('direct');
  });

  it('commits a hash on runtimes without timelocked commits', () => {
    expect(chooseWeightsPath({ ...facts, commitRevealEnabled: true })).toBe('hash-commit-reveal');
  });

  it('requires the timelocked path when the runtime declares version 4 and has the call', () => {
    expect(
      chooseWeightsPath({ ...facts, commitRevealEnabled: true, commitRevealVersion: 4, hasTimelockedCommit: true }),
    ).toBe('timelocked');
  });
});

describe('prepareWeights', () => {
  it('processes and converts like the SDK (largest = 65535, zeros dropped)', () => {
    expect(prepareWeights({ uids: [0, 1, 2, 3], scores: [0.1, 0.2, 0, 0.7] }, LIMITS)).toEqual({
      ok: true,
      weights: { uids: [0, 1, 3], values: [9362, 18724, 65535] },
    });
  });

  it.each([
    ['NaN', { uids: [0, 1], scores: [Number.NaN, 1] }, /finite/],
    ['Infinity', { uids: [0, 1], scores: [Number.POSITIVE_INFINITY, 1] }, /finite/],
    ['negative', { uids: [0, 1], scores: [-1, 1] }, /non-negative/],
    ['empty', { uids: [], scores: [] }, /no scores/],
    ['all zero', { uids: [0, 1], scores: [0, 0] }, /all scores are zero/],
    ['uid out of range', { uids: [9], scores: [1] }, /uids must be integers/],
    ['repeated uid', { uids: [1, 1], scores: [1, 1] }, /must not repeat/],
    ['length mismatch', { uids: [1, 2], scores: [1] }, /differ in length/],
  ])('refuses %s scores before processing', (_label, scores, reason) => {
    const prepared = prepareWeights(scores, LIMITS);
    expect(prepared.ok).toBe(false);
    expect(prepared.ok ? '' : prepared.reason).toMatch(reason);
  });
});

describe('weights outcomes', () => {
  it('maps pallet and pool errors to typed outcomes', () => {
    const moduleError = (name: string): ChainError =>
      new ChainError('TAONODE_CHAIN_MODULE_ERROR', name, { moduleError: `subtensorModule.${name}` });
    expect(weightsOutcomeOfError(moduleError('SettingWeightsTooFast'), 100)).toMatchObject({
      kind: 'too-soon',
      possibleAtBlock: 101,
    });
    expect(weightsOutcomeOfError(moduleError('NeuronNoValidatorPermit'), 1).kind).toBe('no-validator-permit');
    expect(weightsOutcomeOfError(moduleError('HotKeyNotRegisteredInSubNet'), 1).kind).toBe('not-registered');
    expect(weightsOutcomeOfError(moduleError('IncorrectWeightVersionKey'), 1).kind).toBe('outdated');
    expect(weightsOutcomeOfError(new ChainError('TAONODE_CHAIN_TX_OUTDATED', 'stale'), 1).kind).toBe('outdated');
    expect(weightsOutcomeOfError(new ChainError('TAONODE_CHAIN_PRIORITY_TOO_LOW', 'p'), 1).kind).toBe(
      'priority-too-low',
    );
    expect(weightsOutcomeOfError(new ChainError('TAONODE_CHAIN_TIMEOUT', 't'), 1).kind).toBe('timeout');
    expect(weightsOutcomeOfError(new ChainError('TAONODE_CHAIN_DISCONNECTED', 'd'), 1).kind).toBe('timeout');
  });

  it('rethrows what is not a chain error (a bug, not an outcome)', () => {
    expect(() => weightsOutcomeOfError(new TypeError('bug'), 1)).toThrow(TypeError);
  });

  it('gives every outcome a retry policy', () => {
    expect(retryPolicyOf({ kind: 'too-soon', possibleAtBlock: 7, detail: '' })).toEqual({ kind: 'at-block', block: 7 });
    expect(retryPolicyOf({ kind: 'timeout', detail: '' }).kind).toBe('reconcile');
    expect(retryPolicyOf({ kind: 'outdated', detail: '' }).kind).toBe('next-block');
    expect(retryPolicyOf({ kind: 'no-validator-permit', detail: '' }).kind).toBe('after-blocks');
    expect(retryPolicyOf({ kind: 'set', block: 3, weights: { uids: [1], values: [65535] } }).kind).toBe('next-window');
  });

  it('describes an outcome in one line', () => {
    expect(describeWeightsOutcome({ kind: 'too-soon', possibleAtBlock: 42, detail: 'rate limit' })).toBe(
      'too-soon: possible from block 42 (rate limit)',
    );
  });
});
