import { devGenesis, TAO } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';

describe('burned_register', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  let bob: string;
  let bobHot: string;

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(devGenesis(accounts), {
      [accounts.address('bob')]: 1_000n * TAO,
      [accounts.address('charlie')]: 5_000n * TAO,
    });
    bob = chain.address('bob');
    bobHot = chain.address('bob/hot');
  });

  it('charges the burn, assigns the next uid and records the neuron everywhere the runtime does', () => {
    const burn = BigInt(chain.get('burn', 1).toString());
    const before = BigInt(
      (
        chain.storage.get('system', 'account', bob) as unknown as { data: { free: { toString(): string } } }
      ).data.free.toString(),
    );
    const outcome = chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: bobHot });
    expect(outcome).toEqual({ ok: true });
    const after = BigInt(
      (
        chain.storage.get('system', 'account', bob) as unknown as { data: { free: { toString(): string } } }
      ).data.free.toString(),
    );
    expect(before - after).toBe(burn);
    expect(chain.get('uids', 1, bobHot).toString()).toBe('1');
    expect(chain.get('keys', 1, 1).toString()).toBe(bobHot);
    expect(chain.get('owner', bobHot).toString()).toBe(bob);
    expect(chain.get('isNetworkMember', bobHot, 1).toJSON()).toBe(true);
    expect(chain.get('blockAtRegistration', 1, 1).toString()).toBe(String(chain.blockNumber));
    expect(chain.get('subnetworkN', 1).toString()).toBe('2');
    for (const vector of [
      'active',
      'rank',
      'trust',
      'consensus',
      'incentive',
      'dividends',
      'emission',
      'lastUpdate',
      'pruningScores',
      'validatorTrust',
      'validatorPermit',
    ]) {
      expect((chain.get(vector, 1).toJSON() as unknown[]).length).toBe(2);
    }
    expect(chain.get('lastUpdate', 1).toJSON()).toEqual([0, chain.blockNumber]);
    expect(chain.eventNames()).toEqual([
      'balances.Withdraw',
      'subtensorModule.RAORecycledForRegistrationSet',
      'subtensorModule.NeuronRegistered',
    ]);
    expect(chain.events.at(-1)?.fields).toEqual([1, 1, bobHot]);
  });

  it('swaps the burned TAO into the pool and takes the alpha bought out of circulation', () => {
    const taoBefore = BigInt(chain.get('subnetTAO', 1).toString());
    const alphaInBefore = BigInt(chain.get('subnetAlphaIn', 1).toString());
    const alphaOutBefore = BigInt(chain.get('subnetAlphaOut', 1).toString());
    chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: bobHot });
    const burn = BigInt(chain.get('burn', 1).toString());
    expect(BigInt(chain.get('subnetTAO', 1).toString())).toBe(taoBefore + burn);
    const alphaBought = alphaInBefore - BigInt(chain.get('subnetAlphaIn', 1).toString());
    expect(alphaBought).toBeGreaterThan(0n);
    // k = tao × alpha never decreases through a swap (integer rounding favours the pool).
    expect((taoBefore + burn) * (alphaInBefore - alphaBought)).toBeGreaterThanOrEqual(taoBefore * alphaInBefore);
    expect(BigInt(chain.get('subnetAlphaOut', 1).toString())).toBe(alphaOutBefore);
  });

  it.each([
    ['the root subnet', { netuid: 0 }, 'subtensorModule.RegistrationNotPermittedOnRootSubnet'],
    ['a subnet that does not exist', { netuid: 7 }, 'subtensorModule.SubNetworkDoesNotExist'],
  ])('refuses %s', (_, args, error) => {
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { hotkey: bobHot, ...args })).toEqual({
      ok: false,
      error,
    });
  });

  it('refuses when registration is closed, then the per-block and per-interval limits', () => {
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetNetworkRegistrationAllowed', {
      netuid: 1,
      registrationAllowed: false,
    });
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: bobHot })).toEqual(
      {
        ok: false,
        error: 'subtensorModule.SubNetRegistrationDisabled',
      },
    );
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetNetworkRegistrationAllowed', {
      netuid: 1,
      registrationAllowed: true,
    });
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetMaxRegistrationsPerBlock', {
      netuid: 1,
      maxRegistrationsPerBlock: 1,
    });
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: bobHot }).ok).toBe(
      true,
    );
    expect(
      chain.call(chain.signed('charlie'), 'subtensorModule', 'burnedRegister', {
        netuid: 1,
        hotkey: chain.address('charlie/hot'),
      }),
    ).toEqual({ ok: false, error: 'subtensorModule.TooManyRegistrationsThisBlock' });
    chain.nextBlock();
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetTargetRegistrationsPerInterval', {
      netuid: 1,
      targetRegistrationsPerInterval: 0,
    });
    expect(
      chain.call(chain.signed('charlie'), 'subtensorModule', 'burnedRegister', {
        netuid: 1,
        hotkey: chain.address('charlie/hot'),
      }),
    ).toEqual({ ok: false, error: 'subtensorModule.TooManyRegistrationsThisInterval' });
  });

  it('refuses a hotkey already registered on the subnet and a hotkey owned by another coldkey', () => {
    chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: bobHot });
    chain.nextBlock();
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: bobHot })).toEqual(
      {
        ok: false,
        error: 'subtensorModule.HotKeyAlreadyRegisteredInSubNet',
      },
    );
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetNetworkRateLimit', { rateLimit: 0 });
    expect(
      chain.call(chain.signed('charlie'), 'subtensorModule', 'registerNetwork', {
        hotkey: chain.address('charlie/hot'),
      }).ok,
    ).toBe(true);
    expect(
      chain.call(chain.signed('charlie'), 'subtensorModule', 'burnedRegister', { netuid: 2, hotkey: bobHot }),
    ).toEqual({
      ok: false,
      error: 'subtensorModule.NonAssociatedColdKey',
    });
  });

  it('refuses a coldkey that cannot pay the burn and leaves its balance untouched', () => {
    const poor = chain.address('dave');
    expect(
      chain.call(chain.signed('dave'), 'subtensorModule', 'burnedRegister', {
        netuid: 1,
        hotkey: chain.address('dave/hot'),
      }),
    ).toEqual({
      ok: false,
      error: 'subtensorModule.NotEnoughBalanceToStake',
    });
    expect(chain.storage.has('system', 'account', poor)).toBe(false);
    expect(chain.storage.has('subtensorModule', 'owner', chain.address('dave/hot'))).toBe(false);
  });

  it('replaces the lowest-pruning-score non-immune uid once the subnet is full, never the owner', () => {
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetMaxAllowedUids', { netuid: 1, maxAllowedUids: 3 });
    chain.call({ kind: 'root' }, 'adminUtils', 'sudoSetImmunityPeriod', { netuid: 1, immunityPeriod: 0 });
    const hot = (n: number): string => chain.address(`bob/hot${n}`);
    chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: hot(1) });
    chain.nextBlock();
    chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: hot(2) });
    chain.nextBlock();
    chain.storage.set('subtensorModule', 'pruningScores', [1], [0, 500, 100]);
    expect(chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: hot(3) }).ok).toBe(
      true,
    );
    expect(chain.get('uids', 1, hot(3)).toString()).toBe('2');
    expect(chain.storage.has('subtensorModule', 'uids', 1, hot(2))).toBe(false);
    expect(chain.get('isNetworkMember', hot(2), 1).toJSON()).toBe(false);
    expect(chain.get('keys', 1, 0).toString()).toBe(chain.address('alice/owner'));
    expect(chain.get('subnetworkN', 1).toString()).toBe('3');
    expect(chain.get('pruningScores', 1).toJSON()).toEqual([0, 500, 65535]);
    expect(chain.events.at(-1)?.fields).toEqual([1, 2, hot(3)]);
  });
});
