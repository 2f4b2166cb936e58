import { devGenesis, TAO } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';
import { blocksUntilNextEpoch } from './epoch-schedule';

describe('epoch and coinbase on subnet 1 (tempo 10)', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const big = (item: string, ...keys: unknown[]): bigint => BigInt(chain.get(item, ...keys).toString());
  const miners = [1, 2].map((n) => accounts.address(`bob/hot${n}`));

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(
      devGenesis(
        accounts,
        {},
        {
          ownerStake: (100n * TAO).toString(),
          neurons: miners.map((hotkey) => ({ hotkey, coldkey: accounts.address('bob') })),
        },
      ),
    );
  });

  it('steps subnet n on the blocks where (block + n + 1) mod (tempo + 1) = tempo', () => {
    expect(blocksUntilNextEpoch(1, 10, 8)).toBe(0);
    expect(blocksUntilNextEpoch(1, 10, 9)).toBe(10);
    expect(blocksUntilNextEpoch(1, 10, 19)).toBe(0);
    expect(blocksUntilNextEpoch(2, 10, 7)).toBe(0);
    expect(blocksUntilNextEpoch(1, 0, 9)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('accrues emission every block and pays it out through consensus at the epoch', () => {
    chain.advanceTo(7);
    expect(big('blocksSinceLastStep', 1)).toBe(7n);
    expect(big('pendingEmission', 1)).toBeGreaterThan(0n);
    const alphaOutBefore = big('subnetAlphaOut', 1);
    chain.storage.set('subtensorModule', 'validatorPermit', [1], [true, false, false]);
    expect(
      chain.call(chain.signed('alice/owner'), 'subtensorModule', 'setWeights', {
        netuid: 1,
        dests: [1, 2],
        weights: [1, 3],
        versionKey: 0,
      }),
    ).toEqual({ ok: true });
    const pending = big('pendingEmission', 1);
    const ownerCut = big('pendingOwnerCut', 1);
    chain.advanceTo(8);

    expect(big('blocksSinceLastStep', 1)).toBe(0n);
    expect(big('lastMechansimStepBlock', 1)).toBe(8n);
    expect(big('pendingEmission', 1)).toBe(0n);
    expect(chain.get('incentive', 1).toJSON()).toEqual([0, 16383, 49151]);
    expect(chain.get('consensus', 1).toJSON()).toEqual([0, 16383, 49151]);
    expect(chain.get('dividends', 1).toJSON()).toEqual([65535, 0, 0]);
    expect(chain.get('validatorTrust', 1).toJSON()).toEqual([65535, 0, 0]);
    expect(chain.get('validatorPermit', 1).toJSON()).toEqual([true, true, true]);
    expect(chain.get('pruningScores', 1).toJSON()).toEqual([65535, 16384, 49151]);
    const emission = (chain.get('emission', 1).toJSON() as number[]).map(BigInt);
    const paid = emission.reduce((a, b) => a + b, 0n);
    // Everything that was pending (this block's accrual included) is paid, up to float truncation.
    expect(paid).toBeGreaterThan(pending);
    expect(big('totalHotkeyAlpha', miners[1], 1)).toBe(emission[2]);
    expect(big('totalHotkeyAlpha', miners[0], 1)).toBe(emission[1]);
    expect(big('alphaDividendsPerSubnet', 1, accounts.address('alice/owner'))).toBeGreaterThan(0n);
    // Paying out moves no alpha into circulation: it was counted in SubnetAlphaOut as it accrued.
    expect(big('subnetAlphaOut', 1)).toBe(alphaOutBefore + big('blockEmission'));
    const ownerStake = big('totalHotkeyAlpha', accounts.address('alice/owner'), 1);
    expect(ownerStake).toBeGreaterThan(100n * TAO + ownerCut);
  });

  it('keeps the pool invariant: alpha injected into the pool never exceeds the block emission', () => {
    chain.nextBlock();
    const emission = big('blockEmission');
    expect(big('subnetAlphaOutEmission', 1)).toBe(emission);
    expect(big('subnetAlphaInEmission', 1)).toBeLessThanOrEqual(emission);
    expect(big('subnetTaoInEmission', 1)).toBe(emission);
  });
});
