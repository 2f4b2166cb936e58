import { spec424MetadataFile } from '@taonode/testing';
import { readMetadataFile } from '../../../runtime/metadata-source';
import { runtimeMetadataFromBytes } from '../../../runtime/runtime-metadata';
import { devGenesis } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';
import { AlphaSharePool } from './alpha-share-pool';
import { SAFE_FLOAT_MAX, safeFloatFromFixedBits, safeFloatToFixedBits } from './safe-float';

const ONE = 1n << 64n;

describe('SafeFloat shares', () => {
  it('normalises a U64F64 value into (MAX / 10, MAX] and back without losing an integer', () => {
    for (const value of [1n, 1000n, 123_456_789n, 10n ** 18n, 18_446_744_073_709_551_615n]) {
      const float = safeFloatFromFixedBits(value * ONE);
      expect(float.mantissa > SAFE_FLOAT_MAX / 10n && float.mantissa <= SAFE_FLOAT_MAX).toBe(true);
      expect(safeFloatToFixedBits(float) >> 64n).toBe(value);
    }
    expect(safeFloatFromFixedBits(1000n * ONE)).toEqual({ mantissa: SAFE_FLOAT_MAX, exponent: -18 });
    expect(safeFloatFromFixedBits(0n)).toEqual({ mantissa: 0n, exponent: 0 });
  });
});

const spec424 = spec424MetadataFile();
(spec424 === undefined ? describe.skip : describe)(
  'AlphaSharePool on spec 424 metadata (skipped without the fixture)',
  () => {
    const accounts = new DevAccounts();
    const hotkey = accounts.address('alice/owner');
    const [bob, charlie] = [accounts.address('bob'), accounts.address('charlie')];
    let chain: SubtensorTestChain;
    const has = (item: string, ...keys: unknown[]): boolean => chain.storage.has('subtensorModule', item, ...keys);

    beforeEach(async () => {
      const runtime = runtimeMetadataFromBytes(readMetadataFile(spec424 ?? ''));
      chain = await SubtensorTestChain.create(devGenesis(accounts), {}, runtime);
    });

    it('keeps shares in AlphaV2 / TotalHotkeySharesV2 and never writes the legacy maps', () => {
      const pool = new AlphaSharePool(chain.storage, hotkey, 1);
      pool.updateValueForOne(bob, 3_000n);
      pool.updateValueForOne(charlie, 1_000n);
      pool.updateValueForAll(4_000n);
      expect([pool.stakeOf(bob), pool.stakeOf(charlie)]).toEqual([6_000n, 2_000n]);
      expect([has('alphaV2', hotkey, bob, 1), has('totalHotkeySharesV2', hotkey, 1)]).toEqual([true, true]);
      expect([has('alpha', hotkey, bob, 1), has('totalHotkeyShares', hotkey, 1)]).toEqual([false, false]);
      pool.updateValueForOne(charlie, -2_000n);
      expect(has('alphaV2', hotkey, charlie, 1)).toBe(false);
    });

    it('reads a legacy U64F64 position and migrates it to the V2 maps on its next write', () => {
      const legacyHotkey = accounts.address('dave/hot');
      chain.storage.set('subtensorModule', 'totalHotkeyAlpha', [legacyHotkey, 1], 1_000n);
      chain.storage.set('subtensorModule', 'totalHotkeyShares', [legacyHotkey, 1], { bits: 1_000n * ONE });
      chain.storage.set('subtensorModule', 'alpha', [legacyHotkey, bob, 1], { bits: 1_000n * ONE });
      const pool = new AlphaSharePool(chain.storage, legacyHotkey, 1);
      expect(pool.stakeOf(bob)).toBe(1_000n);
      pool.updateValueForOne(bob, 500n);
      expect(pool.stakeOf(bob)).toBe(1_500n);
      expect([has('alpha', legacyHotkey, bob, 1), has('totalHotkeyShares', legacyHotkey, 1)]).toEqual([false, false]);
      expect([has('alphaV2', legacyHotkey, bob, 1), has('totalHotkeySharesV2', legacyHotkey, 1)]).toEqual([true, true]);
    });
  },
);
