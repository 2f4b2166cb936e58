import { weightCommitHash } from '@taonode/chain';
import { bestNumber, startSubtensorDevnet, subtensorGenesis, TAO, type SubtensorDevnet } from './subtensor-support';

/** Subnet 1 runs with tempo 10: epoch index of block b is ⌊(b + 2) / 11⌋, each epoch fires on its last block. */
const epochOf = (block: number): number => Math.floor((block + 2) / 11);
const firstBlockOf = (epoch: number): number => epoch * 11 - 2;

describe('weights over @polkadot/api: set_weights, commit-reveal, CRv3, epoch', () => {
  let chain: SubtensorDevnet;
  const validator = '//Bob//val';
  const miners = ['//Charlie//m1', '//Charlie//m2'];

  beforeAll(async () => {
    chain = await startSubtensorDevnet(
      subtensorGenesis(
        { weightsSetRateLimit: 2, commitRevealWeightsEnabled: false, revealPeriodEpochs: 1 },
        {
          neurons: [
            { hotkey: validator, coldkey: '//Bob', stake: (100n * TAO).toString(), validatorPermit: true },
            ...miners.map((hotkey) => ({ hotkey, coldkey: '//Charlie' })),
          ],
          balances: Object.fromEntries([validator, ...miners, '//Eve//stranger'].map((uri) => [uri, '1000000000'])),
        },
      ),
    );
  });

  afterAll(async () => {
    await chain?.stop();
  });

  /** Seals blocks until the next transaction lands in block `target`. */
  const landIn = async (target: number): Promise<void> => {
    const best = await bestNumber(chain.api);
    if (target - 1 > best) {
      await chain.devnet.newBlock(target - 1 - best);
    }
  };
  const setWeights = (signer: string, dests: number[], weights: number[], versionKey = 0) =>
    chain.send(chain.tx('subtensorModule', 'setWeights', 1, dests, weights, versionKey), chain.key(signer));
  const sudo = (call: Parameters<SubtensorDevnet['sudo']>[0]) => chain.sudo(call);

  it('sets weights: max-upscaled row, LastUpdate, WeightsSet; then SettingWeightsTooFast inside the rate limit', async () => {
    const { api } = chain;
    const result = await setWeights(validator, [2, 3], [1, 4]);
    expect(result.error).toBeUndefined();
    expect(result.events).toContain('subtensorModule.WeightsSet');
    expect(result.fields('subtensorModule.WeightsSet')).toEqual([1n, 1n]);
    expect(await chain.json('subtensorModule', 'weights', 1, 1)).toEqual([
      [2, 16384],
      [3, 65535],
    ]);
    const block = await bestNumber(api);
    expect(await chain.json('subtensorModule', 'lastUpdate', 1)).toEqual([0, block, 0, 0]);
    expect((await setWeights(validator, [2, 3], [1, 1])).error).toBe('subtensorModule.SettingWeightsTooFast');
  });

  it('fails each later check with its named error', async () => {
    expect(await sudo(chain.tx('adminUtils', 'sudoSetWeightsSetRateLimit', 1, 0))).toBe('Ok');
    expect((await setWeights('//Eve//stranger', [2], [1])).error).toBe('subtensorModule.HotKeyNotRegisteredInSubNet');
    expect((await setWeights(validator, [2, 3], [1])).error).toBe('subtensorModule.WeightVecNotEqualSize');
    expect((await setWeights(miners[0] ?? '', [3], [1])).error).toBe('subtensorModule.NeuronNoValidatorPermit');
    expect((await setWeights(validator, [2, 2], [1, 1])).error).toBe('subtensorModule.DuplicateUids');
    expect((await setWeights(validator, [2, 9], [1, 1])).error).toBe('subtensorModule.UidVecContainInvalidOne');
    expect(await sudo(chain.tx('adminUtils', 'sudoSetMinAllowedWeights', 1, 3))).toBe('Ok');
    expect((await setWeights(validator, [2, 3], [1, 1])).error).toBe('subtensorModule.WeightVecLengthIsLow');
    expect(await sudo(chain.tx('adminUtils', 'sudoSetMinAllowedWeights', 1, 1))).toBe('Ok');
    expect(await sudo(chain.tx('adminUtils', 'sudoSetWeightsVersionKey', 1, 5))).toBe('Ok');
    expect((await setWeights(validator, [2, 3], [1, 1], 4)).error).toBe('subtensorModule.IncorrectWeightVersionKey');
    expect((await setWeights(validator, [2, 3], [1, 1], 5)).error).toBeUndefined();
    expect(await sudo(chain.tx('adminUtils', 'sudoSetWeightsVersionKey', 1, 0))).toBe('Ok');
  });

  it('commit-reveal: refuses set_weights, reveals only in the reveal epoch and only the committed data', async () => {
    const { api } = chain;
    const hotkey = chain.key(validator);
    expect(await sudo(chain.tx('adminUtils', 'sudoSetCommitRevealWeightsEnabled', 1, true))).toBe('Ok');
    expect((await setWeights(validator, [2, 3], [1, 1])).error).toBe('subtensorModule.CommitRevealEnabled');

    const reveal = { uids: [2, 3], values: [30, 10], salt: [4, 5, 6], versionKey: 0 };
    const hash = weightCommitHash({ hotkey: hotkey.address, netuidIndex: 1, ...reveal });
    const commitBlock = (await bestNumber(api)) + 1;
    const committed = await chain.send(chain.tx('subtensorModule', 'commitWeights', 1, hash), hotkey);
    expect(committed.events).toContain('subtensorModule.WeightsCommitted');
    const stored = (await chain.json('subtensorModule', 'weightCommits', 1, hotkey.address)) as [
      string,
      number,
      number,
      number,
    ][];
    expect(stored).toEqual([
      [hash, commitBlock, firstBlockOf(epochOf(commitBlock) + 1), firstBlockOf(epochOf(commitBlock) + 1) + 10],
    ]);

    const revealTx = (salt: number[]) =>
      chain.tx('subtensorModule', 'revealWeights', 1, reveal.uids, reveal.values, salt, reveal.versionKey);
    if (epochOf(commitBlock + 1) === epochOf(commitBlock)) {
      expect((await chain.send(revealTx(reveal.salt), hotkey)).error).toBe('subtensorModule.RevealTooEarly');
    }
    await landIn(firstBlockOf(epochOf(commitBlock) + 1));
    expect((await chain.send(revealTx([9]), hotkey)).error).toBe('subtensorModule.InvalidRevealCommitHashNotMatch');
    const revealed = await chain.send(revealTx(reveal.salt), hotkey);
    expect(revealed.error).toBeUndefined();
    expect(revealed.events).toEqual(
      expect.arrayContaining(['subtensorModule.WeightsSet', 'subtensorModule.WeightsRevealed']),
    );
    expect(await chain.json('subtensorModule', 'weights', 1, 1)).toEqual([
      [2, 65535],
      [3, 21845],
    ]);
    expect(await chain.json('subtensorModule', 'weightCommits', 1, hotkey.address)).toBeNull();
  });

  it('commit-reveal: a reveal after its epoch is ExpiredWeightCommit', async () => {
    const { api } = chain;
    const hotkey = chain.key(validator);
    const reveal = { uids: [2], values: [1], salt: [7], versionKey: 0 };
    const commitBlock = (await bestNumber(api)) + 1;
    await chain.send(
      chain.tx(
        'subtensorModule',
        'commitWeights',
        1,
        weightCommitHash({ hotkey: hotkey.address, netuidIndex: 1, ...reveal }),
      ),
      hotkey,
    );
    await landIn(firstBlockOf(epochOf(commitBlock) + 2));
    const late = await chain.send(
      chain.tx('subtensorModule', 'revealWeights', 1, reveal.uids, reveal.values, reveal.salt, 0),
      hotkey,
    );
    expect(late.error).toBe('subtensorModule.ExpiredWeightCommit');
  });

  it('stores commit_crv3_weights as opaque bytes under the commit epoch', async () => {
    const { api } = chain;
    const hotkey = chain.key(validator);
    const block = (await bestNumber(api)) + 1;
    const ciphertext = `0x${'5a'.repeat(64)}`;
    const result = await chain.send(chain.tx('subtensorModule', 'commitCrv3Weights', 1, ciphertext, 777), hotkey);
    expect(result.events).toContain('subtensorModule.CRV3WeightsCommitted');
    const epoch = epochOf(block) + ((block + 2) % 11 === 10 ? 1 : 0);
    expect(await chain.json('subtensorModule', 'crv3WeightCommits', 1, epoch)).toEqual([
      [hotkey.address, ciphertext, 777],
    ]);
    expect(await sudo(chain.tx('adminUtils', 'sudoSetCommitRevealWeightsEnabled', 1, false))).toBe('Ok');
  });

  it('runs an epoch every tempo: consensus, incentive, dividends, emission and permits in storage', async () => {
    const { api } = chain;
    expect((await setWeights(validator, [2, 3], [3, 1])).error).toBeUndefined();
    const epochBlock = firstBlockOf(epochOf((await bestNumber(api)) + 1) + 1) - 1;
    await landIn(epochBlock + 1);
    expect(await chain.json('subtensorModule', 'lastMechansimStepBlock', 1)).toBe(epochBlock);
    const incentive = (await chain.json('subtensorModule', 'incentive', 1)) as number[];
    expect(incentive[2]).toBeGreaterThan(incentive[3] ?? 0);
    expect(incentive[2]).toBe(49151);
    expect(await chain.json('subtensorModule', 'dividends', 1)).toEqual([0, 65535, 0, 0]);
    expect(await chain.json('subtensorModule', 'validatorPermit', 1)).toEqual([true, true, true, true]);
    const emission = ((await chain.json('subtensorModule', 'emission', 1)) as number[]).map(Number);
    expect(emission[1]).toBeGreaterThan(0);
    expect(
      await chain.big('subtensorModule', 'totalHotkeyAlpha', chain.key(miners[0] ?? '').address, 1),
    ).toBeGreaterThan(0n);
  });
});
