import { devGenesis, TAO } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';

describe('add_stake and remove_stake', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  let bob: string;
  let ownerHot: string;
  const big = (item: string, ...keys: unknown[]): bigint => BigInt(chain.get(item, ...keys).toString());
  const free = (who: string): bigint =>
    BigInt(
      (
        chain.storage.get('system', 'account', who) as unknown as { data: { free: { toString(): string } } }
      ).data.free.toString(),
    );

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(devGenesis(accounts), { [accounts.address('bob')]: 100n * TAO });
    bob = chain.address('bob');
    ownerHot = chain.address('alice/owner');
  });

  it('buys alpha from the pool, credits the coldkey share and keeps TAO and alpha totals consistent', () => {
    const before = {
      tao: big('subnetTAO', 1),
      alphaIn: big('subnetAlphaIn', 1),
      alphaOut: big('subnetAlphaOut', 1),
      total: big('totalStake'),
    };
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'addStake', {
        hotkey: ownerHot,
        netuid: 1,
        amountStaked: 2n * TAO,
      }),
    ).toEqual({
      ok: true,
    });
    const staked = chain.events.find((event) => event.event === 'StakeAdded');
    expect(staked?.fields.slice(0, 2)).toEqual([bob, ownerHot]);
    const [, , taoStaked, alpha] = staked?.fields as [string, string, bigint, bigint];
    expect(taoStaked).toBe(2n * TAO - 50_000n);
    expect(free(bob)).toBe(98n * TAO);
    expect(big('subnetTAO', 1)).toBe(before.tao + 2n * TAO);
    expect(big('subnetAlphaIn', 1)).toBe(before.alphaIn - alpha);
    expect(big('subnetAlphaOut', 1)).toBe(before.alphaOut + alpha);
    expect(big('totalStake')).toBe(before.total + 2n * TAO);
    expect(big('totalHotkeyAlpha', ownerHot, 1)).toBe(alpha);
    expect(chain.get('stakingHotkeys', bob).toJSON()).toEqual([ownerHot]);
    expect(chain.eventNames()).toEqual(['balances.Withdraw', 'subtensorModule.StakeAdded']);
  });

  it('sells alpha back for TAO less the fee', () => {
    chain.call(chain.signed('bob'), 'subtensorModule', 'addStake', {
      hotkey: ownerHot,
      netuid: 1,
      amountStaked: 2n * TAO,
    });
    const alpha = big('totalHotkeyAlpha', ownerHot, 1);
    chain.events = [];
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'removeStake', {
        hotkey: ownerHot,
        netuid: 1,
        amountUnstaked: alpha,
      }),
    ).toEqual({
      ok: true,
    });
    const [, , taoBack] = chain.events.find((event) => event.event === 'StakeRemoved')?.fields as [
      string,
      string,
      bigint,
    ];
    expect(free(bob)).toBe(98n * TAO + taoBack);
    expect(taoBack).toBeLessThan(2n * TAO);
    expect(taoBack).toBeGreaterThan(2n * TAO - 200_000n);
    expect(big('totalHotkeyAlpha', ownerHot, 1)).toBe(0n);
    expect(chain.storage.has('subtensorModule', 'alpha', ownerHot, bob, 1)).toBe(false);
  });

  it.each([
    ['a subnet that does not exist', { netuid: 5 }, 'SubnetNotExists'],
    ['less than min stake plus fee', { amountStaked: 549_999n }, 'AmountTooLow'],
    ['more than the coldkey holds', { amountStaked: 101n * TAO }, 'NotEnoughBalanceToStake'],
    ['a hotkey nobody registered', { hotkey: 'charlie/hot' }, 'HotKeyAccountNotExists'],
  ])('add_stake refuses %s', (_, overrides, error) => {
    const args = { hotkey: ownerHot, netuid: 1, amountStaked: TAO, ...overrides };
    if (args.hotkey === 'charlie/hot') {
      args.hotkey = chain.address('charlie/hot');
    }
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'addStake', args)).toEqual({
      ok: false,
      error: `subtensorModule.${error}`,
    });
  });

  it('remove_stake refuses more alpha than the coldkey staked and dust', () => {
    chain.call(chain.signed('bob'), 'subtensorModule', 'addStake', { hotkey: ownerHot, netuid: 1, amountStaked: TAO });
    const alpha = big('totalHotkeyAlpha', ownerHot, 1);
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'removeStake', {
        hotkey: ownerHot,
        netuid: 1,
        amountUnstaked: alpha + 1n,
      }),
    ).toEqual({
      ok: false,
      error: 'subtensorModule.NotEnoughStakeToWithdraw',
    });
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'removeStake', {
        hotkey: ownerHot,
        netuid: 1,
        amountUnstaked: 1000n,
      }),
    ).toEqual({
      ok: false,
      error: 'subtensorModule.AmountTooLow',
    });
  });
});
