import { devGenesis } from '../subtensor/testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../subtensor/testing/subtensor-test-chain';

describe('AdminUtils setters', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(devGenesis(accounts));
  });

  it.each([
    ['sudoSetWeightsSetRateLimit', { weightsSetRateLimit: 7 }, 'weightsSetRateLimit', '7', 'WeightsSetRateLimitSet'],
    ['sudoSetCommitRevealWeightsEnabled', { enabled: true }, 'commitRevealWeightsEnabled', 'true', undefined],
    ['sudoSetCommitRevealWeightsInterval', { interval: 3 }, 'revealPeriodEpochs', '3', undefined],
    ['sudoSetTempo', { tempo: 20 }, 'tempo', '20', 'TempoSet'],
    ['sudoSetMinAllowedWeights', { minAllowedWeights: 2 }, 'minAllowedWeights', '2', 'MinAllowedWeightSet'],
    ['sudoSetMaxWeightLimit', { maxWeightLimit: 1000 }, 'maxWeightsLimit', '1000', 'MaxWeightLimitSet'],
    ['sudoSetServingRateLimit', { servingRateLimit: 9 }, 'servingRateLimit', '9', 'ServingRateLimitSet'],
    ['sudoSetImmunityPeriod', { immunityPeriod: 11 }, 'immunityPeriod', '11', 'ImmunityPeriodSet'],
    ['sudoSetMaxAllowedUids', { maxAllowedUids: 100 }, 'maxAllowedUids', '100', 'MaxAllowedUidsSet'],
    ['sudoSetWeightsVersionKey', { weightsVersionKey: 5 }, 'weightsVersionKey', '5', 'WeightsVersionKeySet'],
  ])('%s as root writes the hyperparameter and emits the runtime event', (method, args, item, expected, event) => {
    expect(chain.call({ kind: 'root' }, 'adminUtils', method, { netuid: 1, ...args })).toEqual({ ok: true });
    expect(chain.get(item, 1).toString()).toBe(expected);
    expect(chain.eventNames()).toEqual(event ? [`subtensorModule.${event}`] : []);
  });

  it('lets the subnet owner set owner-level parameters but not root-only ones, and nobody else either', () => {
    expect(
      chain.call(chain.signed('alice'), 'adminUtils', 'sudoSetWeightsSetRateLimit', {
        netuid: 1,
        weightsSetRateLimit: 3,
      }),
    ).toEqual({
      ok: true,
    });
    expect(chain.call(chain.signed('alice'), 'adminUtils', 'sudoSetTempo', { netuid: 1, tempo: 3 })).toEqual({
      ok: false,
      error: 'BadOrigin',
    });
    expect(
      chain.call(chain.signed('bob'), 'adminUtils', 'sudoSetWeightsSetRateLimit', {
        netuid: 1,
        weightsSetRateLimit: 3,
      }),
    ).toEqual({
      ok: false,
      error: 'BadOrigin',
    });
  });

  it('names a missing subnet and a uid limit below the current size with AdminUtils errors', () => {
    expect(chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetTempo', { netuid: 9, tempo: 3 })).toEqual({
      ok: false,
      error: 'adminUtils.SubnetDoesNotExist',
    });
    expect(
      chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetMaxAllowedUids', { netuid: 1, maxAllowedUids: 1 }),
    ).toEqual({
      ok: false,
      error: 'adminUtils.MaxAllowedUIdsLessThanCurrentUIds',
    });
    expect(
      chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetMaxAllowedValidators', {
        netuid: 1,
        maxAllowedValidators: 300,
      }),
    ).toEqual({
      ok: false,
      error: 'adminUtils.MaxValidatorsLargerThanMaxUIds',
    });
  });

  it('sets chain-wide values from root only', () => {
    expect(chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetNetworkRateLimit', { rateLimit: 0 })).toEqual({
      ok: true,
    });
    expect(chain.get('networkRateLimit').toString()).toBe('0');
    expect(chain.eventNames()).toEqual(['subtensorModule.NetworkRateLimitSet']);
    expect(chain.call(chain.signed('alice'), 'adminUtils', 'sudoSetStakeThreshold', { minStake: 1 })).toEqual({
      ok: false,
      error: 'BadOrigin',
    });
  });
});
