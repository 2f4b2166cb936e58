import { bobMiners, devGenesis, TAO } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';
import { weightCommitHash } from './weight-commit-hash';

describe('batch weight calls', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const validator = 'alice/owner';

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(
      devGenesis(accounts, { weightsSetRateLimit: 0 }, { neurons: bobMiners(accounts, 2) }),
      { [accounts.address('bob')]: 100n * TAO },
    );
    chain.storage.set('subtensorModule', 'validatorPermit', [1], [true, false, false]);
  });

  it('batch_set_weights applies the good items and reports the failed ones after them', () => {
    const outcome = chain.call(chain.signed(validator), 'subtensorModule', 'batchSetWeights', {
      netuids: [1, 7],
      weights: [
        [
          [1, 1],
          [2, 2],
        ],
        [[1, 1]],
      ],
      versionKeys: [0, 0],
    });
    expect(outcome).toEqual({ ok: true });
    expect(chain.eventNames()).toEqual([
      'subtensorModule.WeightsSet',
      'subtensorModule.BatchCompletedWithErrors',
      'subtensorModule.BatchWeightItemFailed',
      'subtensorModule.BatchWeightsCompleted',
    ]);
    expect(chain.get('weights', 1, 0).toJSON()).toEqual([
      [1, 32768],
      [2, 65535],
    ]);
    const failed = chain.events[2]?.fields[0] as { Module: { index: number; error: Uint8Array } };
    const errorIndex = chain.runtime.metadata.asLatest.pallets.find(
      (pallet) => pallet.index.toNumber() === failed.Module.index,
    );
    expect(errorIndex?.name.toString()).toBe('SubtensorModule');
    expect(failed.Module.error[0]).toBe(0); // SubNetworkDoesNotExist is variant 0
  });

  it('batch_set_weights refuses lists of different lengths', () => {
    expect(
      chain.call(chain.signed(validator), 'subtensorModule', 'batchSetWeights', {
        netuids: [1],
        weights: [],
        versionKeys: [0],
      }),
    ).toEqual({ ok: false, error: 'subtensorModule.InputLengthsUnequal' });
  });

  it('batch_reveal_weights reveals several commits at once, or none if one is wrong', () => {
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetCommitRevealWeightsEnabled', { netuid: 1, enabled: true });
    const reveals = [
      { uids: [1], values: [5], salt: [1] },
      { uids: [2], values: [5], salt: [2] },
    ];
    const hashOf = (reveal: (typeof reveals)[number]) =>
      weightCommitHash(chain.storage.registry, {
        hotkey: chain.address(validator),
        netuid: 1,
        versionKey: 0n,
        ...reveal,
      });
    for (const reveal of reveals) {
      chain.call(chain.signed(validator), 'subtensorModule', 'commitWeights', {
        netuid: 1,
        commitHash: hashOf(reveal),
      });
    }
    chain.advanceTo(chain.blockNumber + 11);
    const batch = (salts: number[][]) =>
      chain.call(chain.signed(validator), 'subtensorModule', 'batchRevealWeights', {
        netuid: 1,
        uidsList: reveals.map((reveal) => reveal.uids),
        valuesList: reveals.map((reveal) => reveal.values),
        saltsList: salts,
        versionKeys: [0, 0],
      });
    expect(batch([[1], [3]])).toEqual({ ok: false, error: 'subtensorModule.InvalidRevealCommitHashNotMatch' });
    chain.events = [];
    expect(batch([[1], [2]])).toEqual({ ok: true });
    expect(chain.eventNames()).toEqual([
      'subtensorModule.WeightsSet',
      'subtensorModule.WeightsSet',
      'subtensorModule.WeightsBatchRevealed',
    ]);
    expect(chain.get('weights', 1, 0).toJSON()).toEqual([[2, 65535]]);
  });
});
