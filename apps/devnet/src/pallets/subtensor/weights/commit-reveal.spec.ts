import { loadBittensorVectors } from '@taonode/testing';
import { bobMiners, devGenesis, TAO } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';
import { weightCommitHash } from './weight-commit-hash';

interface CommitHashVector {
  readonly hotkey_ss58: string;
  readonly netuid_storage_index: number;
  readonly uids: number[];
  readonly values: number[];
  readonly salt: number[];
  readonly version_key: number;
  readonly commit_hash: string;
}

const vector = loadBittensorVectors<{ weights: { commit_hash: CommitHashVector } }>().weights.commit_hash;

describe('commit-reveal v2', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const validator = 'alice/owner';
  const reveal = { netuid: 1, uids: [1, 2], values: [10, 30], salt: [7, 8, 9], versionKey: 0 };

  const hashOf = (hotkey: string, overrides: Partial<typeof reveal> = {}) => {
    const data = { ...reveal, ...overrides };
    return weightCommitHash(chain.storage.registry, {
      hotkey: chain.address(hotkey),
      netuid: data.netuid,
      uids: data.uids,
      values: data.values,
      salt: data.salt,
      versionKey: BigInt(data.versionKey),
    });
  };
  const commit = (hash: string) =>
    chain.call(chain.signed(validator), 'subtensorModule', 'commitWeights', { netuid: 1, commitHash: hash });
  const revealWith = (overrides: Partial<typeof reveal> = {}) =>
    chain.call(chain.signed(validator), 'subtensorModule', 'revealWeights', { ...reveal, ...overrides });

  /** Tempo 10 on subnet 1: epoch index e covers blocks 11e − 2 … 11e + 8; reveal period 1 epoch. */
  beforeEach(async () => {
    chain = await SubtensorTestChain.create(
      devGenesis(
        accounts,
        { commitRevealWeightsEnabled: true, weightsSetRateLimit: 0 },
        { neurons: bobMiners(accounts, 2) },
      ),
      { [accounts.address('bob')]: 100n * TAO },
    );
    chain.storage.set('subtensorModule', 'validatorPermit', [1], [true, false, false]);
  });

  it('hashes the reveal preimage exactly as the vector (blake2-256 of the SCALE tuple)', () => {
    expect(
      weightCommitHash(chain.storage.registry, {
        hotkey: vector.hotkey_ss58,
        netuid: vector.netuid_storage_index,
        uids: vector.uids,
        values: vector.values,
        salt: vector.salt,
        versionKey: BigInt(vector.version_key),
      }),
    ).toBe(vector.commit_hash);
  });

  it('queues the commit with its reveal window and accepts the reveal in the next epoch', () => {
    chain.advanceTo(12);
    const hash = hashOf(validator);
    expect(commit(hash)).toEqual({ ok: true });
    // Block 12 is in epoch 1 (blocks 9–19); the reveal epoch 2 runs from block 20 to 30.
    expect(chain.get('weightCommits', 1, chain.address(validator)).toJSON()).toEqual([[hash, 12, 20, 30]]);
    expect(chain.eventNames()).toEqual(['subtensorModule.WeightsCommitted']);
    chain.advanceTo(19);
    expect(revealWith()).toEqual({ ok: false, error: 'subtensorModule.RevealTooEarly' });
    chain.advanceTo(20);
    chain.events = [];
    expect(revealWith()).toEqual({ ok: true });
    expect(chain.eventNames()).toEqual(['subtensorModule.WeightsSet', 'subtensorModule.WeightsRevealed']);
    expect(chain.get('weights', 1, 0).toJSON()).toEqual([
      [1, 21845],
      [2, 65535],
    ]);
    expect(chain.storage.has('subtensorModule', 'weightCommits', 1, chain.address(validator))).toBe(false);
  });

  it('names a reveal after the window ExpiredWeightCommit and a wrong reveal InvalidRevealCommitHashNotMatch', () => {
    chain.advanceTo(12);
    commit(hashOf(validator));
    commit(hashOf(validator, { salt: [1] }));
    chain.advanceTo(20);
    expect(revealWith({ salt: [2] })).toEqual({ ok: false, error: 'subtensorModule.InvalidRevealCommitHashNotMatch' });
    chain.advanceTo(31);
    expect(revealWith()).toEqual({ ok: false, error: 'subtensorModule.ExpiredWeightCommit' });
    expect(revealWith({ salt: [3] })).toEqual({ ok: false, error: 'subtensorModule.NoWeightsCommitFound' });
  });

  it('refuses a reveal without any commit, and commits while commit-reveal is off', () => {
    expect(revealWith()).toEqual({ ok: false, error: 'subtensorModule.NoWeightsCommitFound' });
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetCommitRevealWeightsEnabled', { netuid: 1, enabled: false });
    expect(commit(hashOf(validator))).toEqual({ ok: false, error: 'subtensorModule.CommitRevealDisabled' });
    expect(revealWith()).toEqual({ ok: false, error: 'subtensorModule.CommitRevealDisabled' });
  });

  it('refuses commits from unregistered hotkeys, too fast, and beyond ten unrevealed', () => {
    expect(
      chain.call(chain.signed('charlie'), 'subtensorModule', 'commitWeights', {
        netuid: 1,
        commitHash: hashOf('charlie'),
      }),
    ).toEqual({
      ok: false,
      error: 'subtensorModule.HotKeyNotRegisteredInSubNet',
    });
    for (let n = 0; n < 10; n += 1) {
      expect(commit(hashOf(validator, { salt: [n] }))).toEqual({ ok: true });
    }
    expect(commit(hashOf(validator, { salt: [99] }))).toEqual({
      ok: false,
      error: 'subtensorModule.TooManyUnrevealedCommits',
    });
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetWeightsSetRateLimit', { netuid: 1, weightsSetRateLimit: 3 });
    chain.nextBlock();
    expect(commit(hashOf(validator, { salt: [100] }))).toEqual({
      ok: false,
      error: 'subtensorModule.CommittingWeightsTooFast',
    });
  });

  it('revealed weights still go through every set_weights check', () => {
    chain.advanceTo(12);
    const duplicate = { uids: [1, 1], values: [1, 2] };
    commit(hashOf(validator, duplicate));
    chain.advanceTo(20);
    expect(revealWith(duplicate)).toEqual({ ok: false, error: 'subtensorModule.DuplicateUids' });
    expect((chain.get('weightCommits', 1, chain.address(validator)).toJSON() as unknown[]).length).toBe(1);
  });

  it('stores CRv3 commits as opaque bytes under the commit epoch and drops them once revealable', () => {
    chain.advanceTo(12);
    const ciphertext = '0x' + 'ab'.repeat(40);
    expect(
      chain.call(chain.signed(validator), 'subtensorModule', 'commitCrv3Weights', {
        netuid: 1,
        commit: ciphertext,
        revealRound: 1234,
      }),
    ).toEqual({ ok: true });
    expect(chain.get('crv3WeightCommits', 1, 1).toJSON()).toEqual([[chain.address(validator), ciphertext, 1234]]);
    expect(chain.eventNames()).toEqual(['subtensorModule.CRV3WeightsCommitted']);
    chain.advanceTo(30);
    expect(chain.storage.has('subtensorModule', 'crv3WeightCommits', 1, 1)).toBe(false);
  });
});
