import { spec424MetadataFile } from '@taonode/testing';
import { devGenesis, TAO } from '../testing/dev-genesis';
import { describeOn424 } from '../testing/spec-424';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';
import { burnDecayFactorQ32 } from './burn-price';

describe('the burn decay factor', () => {
  it('is a Q32 factor that halves the burn over its half-life, never faster', () => {
    const factor = burnDecayFactorQ32(360);
    const asNumber = Number(factor) / 2 ** 32;
    expect(asNumber ** 360).toBeLessThanOrEqual(0.5);
    expect(asNumber ** 360).toBeGreaterThan(0.5 - 1e-6);
    expect(burnDecayFactorQ32(0)).toBe(1n << 32n);
  });
});

describeOn424('registration as spec 424', spec424MetadataFile(), (runtime) => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const big = (item: string, ...keys: unknown[]): bigint => BigInt(chain.get(item, ...keys).toString());
  const register = (hotkey: string) =>
    chain.call(chain.signed('bob'), 'subtensorModule', 'burnedRegister', { netuid: 1, hotkey: chain.address(hotkey) });

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(
      devGenesis(accounts, { burn: 10n * TAO, minBurn: 1000n, maxBurn: 100n * TAO, maxRegistrationsPerBlock: 1 }),
      { [accounts.address('bob')]: 1_000n * TAO },
      runtime(),
    );
  });

  it('has no per-block cap and raises the burn ×1.26 per registration', () => {
    chain.advanceTo(4);
    const burn = big('burn', 1);
    expect(register('bob/a')).toEqual({ ok: true });
    expect(register('bob/b')).toEqual({ ok: true });
    expect(register('bob/c')).toEqual({ ok: true });
    const after = big('burn', 1);
    // 1.26³ ≈ 2.000376 (U64F64 multiplier, floored each time).
    expect(Number(after) / Number(burn)).toBeCloseTo(1.26 ** 3, 6);
  });

  it('decays the burn every block: halved after BurnHalfLife (360) blocks', () => {
    const start = big('burn', 1);
    chain.advanceTo(chain.blockNumber + 360);
    const ratio = Number(big('burn', 1)) / Number(start);
    expect(ratio).toBeLessThanOrEqual(0.5);
    expect(ratio).toBeGreaterThan(0.499);
  });

  it('sets LastUpdate of the new uid to the registration block', () => {
    chain.advanceTo(7);
    expect(register('bob/a')).toEqual({ ok: true });
    const uid = Number(chain.get('uids', 1, chain.address('bob/a')).toString());
    const lastUpdate = chain.get('lastUpdate', 1).toJSON() as number[];
    expect(lastUpdate[uid]).toBe(7);
  });
});
