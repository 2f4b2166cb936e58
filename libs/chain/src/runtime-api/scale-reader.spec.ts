import { TypeRegistry } from '@polkadot/types';
import { compactToU8a, u8aConcat } from '@polkadot/util';
import fc from 'fast-check';
import { isChainError } from '../errors/chain.error';
import { decodeScale } from './scale-reader';

const registry = new TypeRegistry();

describe('ScaleReader', () => {
  it('decodes compact integers of every length mode as @polkadot/util encodes them', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (value) => {
        expect(decodeScale(compactToU8a(value), 'Compact<u128>', {})).toBe(value);
      }),
    );
    for (const value of [0, 63, 64, 16383, 16384, 2 ** 30 - 1, 2 ** 30]) {
      expect(decodeScale(compactToU8a(value), 'Compact<u64>', {})).toBe(BigInt(value));
    }
  });

  it('decodes fixed-width integers little-endian, numbers up to 32 bits and bigints above', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
        fc.integer({ min: 0, max: 65535 }),
        (wide, narrow) => {
          const bytes = u8aConcat(
            registry.createType('u128', wide).toU8a(),
            registry.createType('u16', narrow).toU8a(),
          );
          expect(decodeScale(bytes, '(u128, u16)', {})).toEqual([wide, narrow]);
        },
      ),
    );
  });

  it('decodes vectors, options, tuples and named structs', () => {
    const types = { Pair: { left: 'Compact<u16>', right: 'bool' } };
    const bytes = u8aConcat(
      compactToU8a(2),
      compactToU8a(7),
      new Uint8Array([1]),
      compactToU8a(300),
      new Uint8Array([0, 1, 9]),
    );
    expect(decodeScale(bytes, '(Vec<Pair>, Option<u8>)', types)).toEqual([
      [
        { left: 7, right: true },
        { left: 300, right: false },
      ],
      [9],
    ]);
    expect(decodeScale(new Uint8Array([0]), 'Option<u8>', types)).toEqual([]);
  });

  it('refuses truncated input, leftover bytes, bad bools and unknown types with TAONODE_CHAIN_DECODE_ERROR', () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array([1, 2]), 'u32'],
      [new Uint8Array([1, 2, 3]), 'u16'],
      [new Uint8Array([2]), 'bool'],
      [new Uint8Array([0]), 'Mystery'],
      [compactToU8a(1000), 'Vec<u8>'],
    ];
    for (const [bytes, type] of cases) {
      let caught: unknown;
      try {
        decodeScale(bytes, type, {});
      } catch (error) {
        caught = error;
      }
      expect(isChainError(caught, 'TAONODE_CHAIN_DECODE_ERROR')).toBe(true);
    }
  });
});
