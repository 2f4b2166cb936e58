import fc from 'fast-check';
import { pyFloatRepr } from './py-float-repr';

/** Exact value of a finite double as numerator / 2^shift (shift ≥ 0). */
function exactBinary(value: number): { numerator: bigint; shift: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponentBits = (bits >> 52n) & 0x7ffn;
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0n ? fraction : fraction | (1n << 52n);
  let exponent = (exponentBits === 0n ? 1n : exponentBits) - 1075n;
  let numerator = negative ? -mantissa : mantissa;
  if (exponent > 0n) {
    numerator <<= exponent;
    exponent = 0n;
  }
  return { numerator, shift: -exponent };
}

/** |digits·10^power − value| compared exactly, as a rational with common denominator. */
function distance(digits: bigint, power: number, value: number): bigint {
  const { numerator, shift } = exactBinary(value);
  const scale = power < 0 ? 10n ** BigInt(-power) : 1n;
  const candidate = (power < 0 ? digits : digits * 10n ** BigInt(power)) << shift;
  const target = numerator * scale;
  const difference = candidate - target;
  return difference < 0n ? -difference : difference;
}

/**
 * Reference table generator, written from the rules rather than from the implementation: the shortest digit
 * string that reads back as the same double (closest to the value among equally short ones, even digit on an
 * exact tie), then Python's
 * layout — fixed with ≥1 fractional digit for 1e-4 <= |x| < 1e16, otherwise d.ddde±XX.
 */
function referenceRepr(value: number): string {
  if (Number.isNaN(value)) {
    return 'nan';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? 'inf' : '-inf';
  }
  if (value === 0) {
    return Object.is(value, -0) ? '-0.0' : '0.0';
  }
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  for (let precision = 1; precision <= 17; precision++) {
    const [mantissaText = '', exponentText = '0'] = magnitude.toExponential(precision - 1).split('e');
    const base = BigInt(mantissaText.replace('.', ''));
    const power = Number(exponentText) - (precision - 1);
    const candidates = [base - 1n, base, base + 1n].filter((digits) => {
      if (digits <= 0n || digits.toString().length !== precision) {
        return false;
      }
      return Number(`${digits}e${power}`) === magnitude;
    });
    if (candidates.length === 0) {
      continue;
    }
    candidates.sort((a, b) => {
      const da = distance(a, power, magnitude);
      const db = distance(b, power, magnitude);
      if (da !== db) {
        return da < db ? -1 : 1;
      }
      // Exactly halfway: Python's dtoa (like ECMAScript's Number::toString) takes the even last digit.
      return Number(a % 2n) - Number(b % 2n);
    });
    const digits = (candidates[0] ?? 0n).toString().replace(/0+$/, '') || '0';
    const exponent = power + precision - 1;
    if (exponent < -4 || exponent >= 16) {
      const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
      const absolute = Math.abs(exponent);
      return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${String(absolute).padStart(2, '0')}`;
    }
    if (exponent < 0) {
      return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    }
    const integerDigits = exponent + 1;
    const padded = digits.padEnd(integerDigits, '0');
    const fraction = padded.slice(integerDigits);
    return `${sign}${padded.slice(0, integerDigits)}.${fraction === '' ? '0' : fraction}`;
  }
  throw new Error(`no round-tripping representation for ${value}`);
}

describe('pyFloatRepr', () => {
  it.each([
    [12, '12.0'],
    [0.5, '0.5'],
    [1e15, '1000000000000000.0'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1.2345678901234568e17, '1.2345678901234568e+17'],
    [0.000734, '0.000734'],
    [0.7, '0.7'],
    [-0, '-0.0'],
    [0, '0.0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
    [1e21, '1e+21'],
    [1e-7, '1e-07'],
    [123456789012345680000, '1.2345678901234568e+20'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [0.1 + 0.2, '0.30000000000000004'],
    [9999999999999998, '9999999999999998.0'],
    [-2.5e-5, '-2.5e-05'],
  ])('renders %p as Python does (%s)', (value, expected) => {
    expect(pyFloatRepr(value)).toBe(expected);
  });

  it('agrees with the rule-based reference table on arbitrary doubles', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        expect(pyFloatRepr(value)).toBe(referenceRepr(value));
      }),
      { numRuns: 20000 },
    );
  });

  it('agrees with the reference around the fixed/scientific boundaries and on integral floats', () => {
    const nearBoundaries = fc.oneof(
      fc.double({ min: 1e-5, max: 1e-3, noNaN: true }),
      fc.double({ min: 1e15, max: 1e17, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n * 1.0),
      fc.integer({ min: 0, max: 40 }).map((k) => 2 ** k),
      fc.integer({ min: -30, max: 30 }).map((k) => 10 ** k),
    );
    fc.assert(
      fc.property(nearBoundaries, (value) => {
        expect(pyFloatRepr(value)).toBe(referenceRepr(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads back as the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(Object.is(Number(pyFloatRepr(value)), value)).toBe(true);
      }),
    );
  });
});
