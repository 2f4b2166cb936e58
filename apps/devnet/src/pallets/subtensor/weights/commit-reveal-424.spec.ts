import { spec424MetadataFile } from '@taonode/testing';
import { bobMiners, devGenesis, TAO } from '../testing/dev-genesis';
import { describeOn424 } from '../testing/spec-424';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';
import { weightCommitHash } from './weight-commit-hash';

describeOn424('commit-reveal keyed on the stateful epoch', spec424MetadataFile(), (runtime) => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const validator = 'alice/owner';
  const reveal = { netuid: 1, uids: [1, 2], values: [10, 30], salt: [7, 8, 9], versionKey: 0 };
  const hash = (): string =>
    weightCommitHash(chain.storage.registry, {
      hotkey: chain.address(validator),
      ...reveal,
      versionKey: BigInt(reveal.versionKey),
    });
  const commit = () =>
    chain.call(chain.signed(validator), 'subtensorModule', 'commitWeights', { netuid: 1, commitHash: hash() });
  const revealNow = () => chain.call(chain.signed(validator), 'subtensorModule', 'revealWeights', reveal);
  const lastUpdate = (): string => chain.get('lastUpdate', 1).toString();

  /** Subnet 1, tempo 10, anchored at block 0: epochs start at blocks 10, 20, 30 …; reveal period 1. */
  beforeEach(async () => {
    chain = await SubtensorTestChain.create(
      devGenesis(
        accounts,
        { commitRevealWeightsEnabled: true, weightsSetRateLimit: 0 },
        { neurons: bobMiners(accounts, 2) },
      ),
      { [accounts.address('bob')]: 100n * TAO },
      runtime(),
    );
    chain.storage.set('subtensorModule', 'validatorPermit', [1], [true, false, false]);
  });

  it('tags the commit with its epoch and accepts the reveal exactly in the next epoch', () => {
    chain.advanceTo(12);
    expect(commit()).toEqual({ ok: true });
    // 424's tuple: (hash, commit_epoch, commit_block, 0).
    expect(chain.get('weightCommits', 1, chain.address(validator)).toJSON()).toEqual([[hash(), 1, 12, 0]]);
    chain.advanceTo(19);
    expect(revealNow()).toEqual({ ok: false, error: 'subtensorModule.RevealTooEarly' });
    chain.advanceTo(20);
    const before = lastUpdate();
    chain.events = [];
    expect(revealNow()).toEqual({ ok: true });
    expect(chain.eventNames()).toEqual(['subtensorModule.WeightsSet', 'subtensorModule.WeightsRevealed']);
    // Under commit-reveal the reveal writes no LastUpdate (the commit did).
    expect(lastUpdate()).toBe(before);
  });

  it('pops an expired commit: revealed after its epoch it is ExpiredWeightCommit', () => {
    chain.advanceTo(3);
    expect(commit()).toEqual({ ok: true });
    chain.advanceTo(20);
    expect(revealNow()).toEqual({ ok: false, error: 'subtensorModule.ExpiredWeightCommit' });
  });

  it('tags a commit made in a block whose epoch was deferred with the epoch to come (look-ahead)', () => {
    chain.advanceTo(5);
    // A deferred epoch: due now, not yet run, so extrinsics of this block belong to the next epoch.
    chain.storage.set('subtensorModule', 'pendingEpochAt', [1], 5);
    expect(commit()).toEqual({ ok: true });
    expect(chain.get('weightCommits', 1, chain.address(validator)).toJSON()).toEqual([[hash(), 1, 5, 0]]);
  });

  it('refuses set_weights and set_mechanism_weights with CommitRevealEnabled, the latter before the mechanism', () => {
    const weights = { netuid: 1, dests: [1], weights: [1], versionKey: 0 };
    expect(chain.call(chain.signed(validator), 'subtensorModule', 'setWeights', weights)).toEqual({
      ok: false,
      error: 'subtensorModule.CommitRevealEnabled',
    });
    expect(
      chain.call(chain.signed(validator), 'subtensorModule', 'setMechanismWeights', { ...weights, mecid: 3 }),
    ).toEqual({ ok: false, error: 'subtensorModule.CommitRevealEnabled' });
  });
});

describeOn424('start_call and subtoken gating', spec424MetadataFile(), (runtime) => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const big = (item: string, ...keys: unknown[]): bigint => BigInt(chain.get(item, ...keys).toString());

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(
      devGenesis(accounts),
      { [accounts.address('bob')]: 5_000n * TAO, [accounts.address('dave')]: 5_000n * TAO },
      runtime(),
    );
    chain.advanceTo(3);
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'registerNetwork', { hotkey: chain.address('bob/sn') }),
    ).toEqual({ ok: true });
  });

  it('starts the dev genesis subnet already; a registered subnet waits, with commit-reveal on by default', () => {
    expect(chain.get('firstEmissionBlockNumber', 1).toJSON()).toBe(1);
    expect(chain.get('subtokenEnabled', 1).toJSON()).toBe(true);
    expect(chain.get('firstEmissionBlockNumber', 2).toJSON()).toBeNull();
    expect(chain.get('subtokenEnabled', 2).toJSON()).toBe(false);
    expect(chain.get('commitRevealWeightsEnabled', 2).toJSON()).toBe(true);
    expect(chain.get('commitRevealWeightsVersion').toJSON()).toBe(4);
  });

  it('refuses stake before start_call, lets only the owner start it once, then emits and takes stake', () => {
    const stake = { hotkey: chain.address('bob/sn'), netuid: 2, amountStaked: 10n * TAO };
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'addStake', stake)).toEqual({
      ok: false,
      error: 'subtensorModule.SubtokenDisabled',
    });
    const alphaOut = big('subnetAlphaOut', 2);
    chain.advanceTo(6);
    expect(big('subnetAlphaOut', 2)).toBe(alphaOut);

    expect(chain.call(chain.signed('dave'), 'subtensorModule', 'startCall', { netuid: 2 })).toEqual({
      ok: false,
      error: 'BadOrigin',
    });
    chain.events = [];
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'startCall', { netuid: 2 })).toEqual({ ok: true });
    expect(chain.events.map((event) => [event.event, event.fields])).toEqual([['FirstEmissionBlockNumberSet', [2, 7]]]);
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'startCall', { netuid: 2 })).toEqual({
      ok: false,
      error: 'subtensorModule.FirstEmissionBlockNumberAlreadySet',
    });
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'startCall', { netuid: 9 })).toEqual({
      ok: false,
      error: 'subtensorModule.SubnetNotExists',
    });
    chain.nextBlock();
    expect(big('subnetAlphaOut', 2)).toBeGreaterThan(alphaOut);
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'addStake', stake)).toEqual({ ok: true });
  });

  it('waits StartCallDelay blocks after registration', () => {
    chain.storage.set('subtensorModule', 'startCallDelay', [], 10);
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'startCall', { netuid: 2 })).toEqual({
      ok: false,
      error: 'subtensorModule.NeedWaitingMoreBlocksToStarCall',
    });
    chain.advanceTo(13);
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'startCall', { netuid: 2 })).toEqual({ ok: true });
  });
});
