import { devGenesis, TAO } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';

describe('register_network', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const big = (item: string, ...keys: unknown[]): bigint => BigInt(chain.get(item, ...keys).toString());

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(devGenesis(accounts), {
      [accounts.address('bob')]: 5_000n * TAO,
      [accounts.address('dave')]: 10n * TAO,
    });
  });

  it('locks the cost, opens the next netuid with the new-subnet defaults and makes the owner hotkey uid 0', () => {
    const bobHot = chain.address('bob/sn');
    const lock = big('networkMinLockCost');
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'registerNetwork', { hotkey: bobHot })).toEqual({
      ok: true,
    });
    expect(chain.get('networksAdded', 2).toJSON()).toBe(true);
    expect(chain.get('subnetOwner', 2).toString()).toBe(chain.address('bob'));
    expect(chain.get('subnetOwnerHotkey', 2).toString()).toBe(bobHot);
    expect(chain.get('keys', 2, 0).toString()).toBe(bobHot);
    expect(chain.get('subnetMechanism', 2).toString()).toBe('1');
    expect(chain.get('tempo', 2).toString()).toBe('99');
    expect(chain.get('maxAllowedUids', 2).toString()).toBe('256');
    expect(chain.get('minAllowedWeights', 2).toString()).toBe('1');
    expect(chain.get('totalNetworks').toString()).toBe('3');
    expect(big('subnetTAO', 2)).toBe(lock);
    expect(big('subnetAlphaIn', 2)).toBe(lock);
    expect(big('networkLastLockCost')).toBe(lock);
    expect(chain.eventNames().at(-1)).toBe('subtensorModule.NetworkAdded');
    expect(chain.events.at(-1)?.fields).toEqual([2, 0]);
    expect(chain.eventNames()[0]).toBe('balances.Withdraw');
  });

  it('doubles the next lock and rate-limits registrations by NetworkRateLimit', () => {
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetNetworkRateLimit', { rateLimit: 3 });
    chain.advanceTo(3);
    const lock = big('networkMinLockCost');
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'registerNetwork', { hotkey: chain.address('bob/a') }).ok,
    ).toBe(true);
    chain.nextBlock();
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'registerNetwork', { hotkey: chain.address('bob/b') }),
    ).toEqual({
      ok: false,
      error: 'subtensorModule.NetworkTxRateLimitExceeded',
    });
    chain.advanceTo(chain.blockNumber + 2);
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'registerNetwork', { hotkey: chain.address('bob/b') }),
    ).toEqual({ ok: true });
    expect(big('networkLastLockCost')).toBeGreaterThan(lock);
  });

  it('refuses a coldkey that cannot lock and a hotkey owned by another coldkey', () => {
    expect(
      chain.call(chain.signed('dave'), 'subtensorModule', 'registerNetwork', { hotkey: chain.address('dave/sn') }),
    ).toEqual({
      ok: false,
      error: 'subtensorModule.NotEnoughBalanceToStake',
    });
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'registerNetwork', { hotkey: chain.address('alice/owner') }),
    ).toEqual({
      ok: false,
      error: 'subtensorModule.NonAssociatedColdKey',
    });
  });
});
