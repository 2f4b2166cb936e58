import { devGenesis } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';
import { AlphaSharePool } from './alpha-share-pool';

describe('AlphaSharePool', () => {
  const accounts = new DevAccounts();

  it('splits value added to the whole pool by shares and keeps each coldkey stake when others join', async () => {
    const chain = await SubtensorTestChain.create(devGenesis(accounts));
    const hotkey = accounts.address('alice/owner');
    const [bob, charlie] = [accounts.address('bob'), accounts.address('charlie')];
    const pool = new AlphaSharePool(chain.storage, hotkey, 1);
    pool.updateValueForOne(bob, 1_000n);
    pool.updateValueForAll(1_000n);
    expect(pool.stakeOf(bob)).toBe(2_000n);
    pool.updateValueForOne(charlie, 2_000n);
    expect(pool.stakeOf(bob)).toBe(2_000n);
    expect(pool.stakeOf(charlie)).toBe(2_000n);
    pool.updateValueForAll(4_000n);
    expect(pool.stakeOf(bob)).toBe(4_000n);
    expect(pool.stakeOf(charlie)).toBe(4_000n);
    pool.updateValueForOne(bob, -4_000n);
    expect(pool.stakeOf(bob)).toBe(0n);
    expect(chain.storage.get('subtensorModule', 'totalHotkeyAlpha', hotkey, 1).toString()).toBe('4000');
    expect(chain.storage.has('subtensorModule', 'alpha', hotkey, bob, 1)).toBe(false);
  });
});
