import { bobMiners, devGenesis, TAO } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';

describe('set_weights', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const validator = 'alice/owner';

  /** Subnet 1 with the owner (uid 0, validator permit) and miners uid 1..3 registered at genesis. */
  beforeEach(async () => {
    chain = await SubtensorTestChain.create(
      devGenesis(accounts, { weightsSetRateLimit: 5 }, { neurons: bobMiners(accounts, 3) }),
      { [accounts.address('bob')]: 100n * TAO },
    );
    chain.storage.set('subtensorModule', 'validatorPermit', [1], [true, false, false, false]);
  });

  const setWeights = (
    signer: string,
    args: Partial<{ netuid: number; dests: number[]; weights: number[]; versionKey: number }>,
  ) =>
    chain.call(chain.signed(signer), 'subtensorModule', 'setWeights', {
      netuid: 1,
      dests: [1, 2],
      weights: [100, 200],
      versionKey: 0,
      ...args,
    });

  it('stores the max-upscaled row, moves LastUpdate to the block and emits WeightsSet', () => {
    expect(setWeights(validator, { dests: [1, 2, 3], weights: [1, 2, 4] })).toEqual({ ok: true });
    expect(chain.get('weights', 1, 0).toJSON()).toEqual([
      [1, 16384],
      [2, 32768],
      [3, 65535],
    ]);
    expect((chain.get('lastUpdate', 1).toJSON() as number[])[0]).toBe(chain.blockNumber);
    expect(chain.eventNames()).toEqual(['subtensorModule.WeightsSet']);
    expect(chain.events[0]?.fields).toEqual([1, 0]);
  });

  it.each([
    ['the root subnet', validator, { netuid: 0 }, 'CanNotSetRootNetworkWeights'],
    ['unequal uid and value counts', validator, { weights: [1] }, 'WeightVecNotEqualSize'],
    ['a subnet that does not exist', validator, { netuid: 9 }, 'SubNetworkDoesNotExist'],
    [
      'more uids than the subnet has',
      validator,
      { dests: [0, 1, 2, 3, 4], weights: [1, 1, 1, 1, 1] },
      'UidsLengthExceedUidsInSubNet',
    ],
    ['an unregistered hotkey', 'charlie/hot', {}, 'HotKeyNotRegisteredInSubNet'],
    [
      'a non-self weight without a validator permit',
      'bob/hot1',
      { dests: [2], weights: [1] },
      'NeuronNoValidatorPermit',
    ],
    ['duplicate uids', validator, { dests: [1, 1], weights: [1, 2] }, 'DuplicateUids'],
  ])('refuses %s', (_, signer, args, error) => {
    expect(setWeights(signer, args)).toEqual({ ok: false, error: `subtensorModule.${error}` });
    expect(chain.events).toEqual([]);
  });

  it('refuses a uid beyond the registered ones once the length check passes', () => {
    chain.storage.remove('subtensorModule', 'keys', 1, 3);
    expect(setWeights(validator, { dests: [1, 3], weights: [1, 2] })).toEqual({
      ok: false,
      error: 'subtensorModule.UidVecContainInvalidOne',
    });
  });

  it('lets a neuron without permit set a weight on itself only', () => {
    expect(setWeights('bob/hot1', { dests: [1], weights: [7] })).toEqual({ ok: true });
    expect(chain.get('weights', 1, 1).toJSON()).toEqual([[1, 65535]]);
  });

  it('refuses fewer weights than MinAllowedWeights (capped at the subnet size)', () => {
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetMinAllowedWeights', { netuid: 1, minAllowedWeights: 3 });
    expect(setWeights(validator, { dests: [1, 2], weights: [1, 1] })).toEqual({
      ok: false,
      error: 'subtensorModule.WeightVecLengthIsLow',
    });
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetMinAllowedWeights', { netuid: 1, minAllowedWeights: 1000 });
    expect(setWeights(validator, { dests: [0, 1, 2, 3], weights: [1, 1, 1, 1] })).toEqual({ ok: true });
  });

  it('refuses a version key below the subnet key and accepts equal or higher ones', () => {
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetWeightsVersionKey', { netuid: 1, weightsVersionKey: 10 });
    expect(setWeights(validator, { versionKey: 9 })).toEqual({
      ok: false,
      error: 'subtensorModule.IncorrectWeightVersionKey',
    });
    expect(setWeights(validator, { versionKey: 11 })).toEqual({ ok: true });
  });

  it('refuses weights above MaxWeightsLimit after normalisation', () => {
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetMaxWeightLimit', { netuid: 1, maxWeightLimit: 32768 });
    expect(setWeights(validator, { dests: [1, 2], weights: [1, 3] })).toEqual({
      ok: false,
      error: 'subtensorModule.MaxWeightExceeded',
    });
    expect(setWeights(validator, { dests: [1, 2], weights: [1, 1] })).toEqual({ ok: true });
  });

  it('rate-limits against LastUpdate by WeightsSetRateLimit blocks', () => {
    expect(setWeights(validator, {})).toEqual({ ok: true });
    const first = chain.blockNumber;
    chain.advanceTo(first + 4);
    expect(setWeights(validator, {})).toEqual({ ok: false, error: 'subtensorModule.SettingWeightsTooFast' });
    chain.advanceTo(first + 5);
    expect(setWeights(validator, {})).toEqual({ ok: true });
  });

  it('rate-limits a freshly registered neuron from its registration block', () => {
    chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', {
      netuid: 1,
      hotkey: chain.address('bob/hot4'),
    });
    expect(setWeights('bob/hot4', { dests: [4], weights: [1] })).toEqual({
      ok: false,
      error: 'subtensorModule.SettingWeightsTooFast',
    });
  });

  it('refuses below StakeThreshold and refuses outright while commit-reveal is on', () => {
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetStakeThreshold', { minStake: 1 });
    expect(setWeights(validator, {})).toEqual({ ok: false, error: 'subtensorModule.NotEnoughStakeToSetWeights' });
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetCommitRevealWeightsEnabled', { netuid: 1, enabled: true });
    expect(setWeights(validator, {})).toEqual({ ok: false, error: 'subtensorModule.CommitRevealEnabled' });
  });
});
