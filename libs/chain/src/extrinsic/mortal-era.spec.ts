import { TypeRegistry } from '@polkadot/types';
import type { ExtrinsicEra } from '@polkadot/types/interfaces';
import fc from 'fast-check';
import { DEFAULT_ERA_PERIOD, eraBirth, eraDeath, isEraAlive, mortalEra } from './mortal-era';

const registry = new TypeRegistry();

/** The era as it goes on the wire: @polkadot/types quantises the phase when encoding, as substrate does. */
function polkadotEra(current: number, period: number): { period: number; phase: number } {
  const built = registry.createType<ExtrinsicEra>('ExtrinsicEra', { current, period });
  const era = registry.createType<ExtrinsicEra>('ExtrinsicEra', built.toU8a());
  return { period: era.asMortalEra.period.toNumber(), phase: era.asMortalEra.phase.toNumber() };
}

describe('mortalEra', () => {
  it('uses the SDK period of 128 blocks by default', () => {
    expect(mortalEra(1000)).toEqual({ period: DEFAULT_ERA_PERIOD, phase: 1000 % 128 });
  });

  it('matches the era @polkadot/types encodes for any block and period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 1, max: 70_000 }), (current, period) => {
        expect(mortalEra(current, period)).toEqual(polkadotEra(current, period));
      }),
    );
  });

  it('has its birth at or before the signing block and lives exactly one period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 4, max: 65_536 }), (current, period) => {
        const era = mortalEra(current, period);
        const birth = eraBirth(era, current);
        expect(birth).toBeLessThanOrEqual(current);
        expect(eraDeath(era, current) - birth).toBe(era.period);
        expect(isEraAlive(era, current, current)).toBe(true);
        expect(isEraAlive(era, current, birth + era.period)).toBe(false);
        expect(isEraAlive(era, current, birth - 1)).toBe(false);
      }),
    );
  });

  it('agrees with @polkadot/types on birth and death', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), (current) => {
        const built = registry.createType<ExtrinsicEra>('ExtrinsicEra', { current, period: 128 });
        const era = registry.createType<ExtrinsicEra>('ExtrinsicEra', built.toU8a());
        const ours = mortalEra(current, 128);
        expect(eraBirth(ours, current)).toBe(era.asMortalEra.birth(current));
        expect(eraDeath(ours, current)).toBe(era.asMortalEra.death(current));
      }),
    );
  });
});
