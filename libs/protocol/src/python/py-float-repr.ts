/**
 * Python's `repr(float)` (= `str(float)` since Python 3): the shortest digits that round-trip — JavaScript's
 * `Number.prototype.toString` yields the same digits — formatted Python's way: fixed notation with at least one
 * fractional digit when `1e-4 <= |x| < 1e16` (`12.0`, `0.0001`, `1000000000000000.0`), otherwise scientific with
 * an explicit exponent sign and at least two exponent digits (`1e+16`, `1e-05`, `1.5e-07`); `inf`, `-inf`, `nan`.
 */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) {
    return 'nan';
  }
  if (value === Infinity) {
    return 'inf';
  }
  if (value === -Infinity) {
    return '-inf';
  }
  if (value === 0) {
    return Object.is(value, -0) ? '-0.0' : '0.0';
  }
  const { negative, digits, exponent } = shortestDigits(value);
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length === 1 ? digits : `${digits[0] ?? ''}.${digits.slice(1)}`;
    const magnitude = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${magnitude < 10 ? '0' : ''}${magnitude}`;
  }
  const integerDigits = exponent + 1;
  if (integerDigits <= 0) {
    return `${sign}0.${'0'.repeat(-integerDigits)}${digits}`;
  }
  if (integerDigits >= digits.length) {
    return `${sign}${digits}${'0'.repeat(integerDigits - digits.length)}.0`;
  }
  return `${sign}${digits.slice(0, integerDigits)}.${digits.slice(integerDigits)}`;
}

interface ShortestDigits {
  readonly negative: boolean;
  /** Significant digits without leading or trailing zeros, e.g. "12345". */
  readonly digits: string;
  /** Decimal exponent of the first digit: value = 0.d1d2… × 10^(exponent+1). */
  readonly exponent: number;
}

/**
 * Decomposes `String(value)` — which the spec defines as the shortest round-tripping digits, closest to the value
 * on ties — into digits and exponent. It prints either `d.ddde±x` or plain decimal notation.
 */
function shortestDigits(value: number): ShortestDigits {
  let text = String(value);
  const negative = text.startsWith('-');
  if (negative) {
    text = text.slice(1);
  }
  const exponentAt = text.indexOf('e');
  if (exponentAt >= 0) {
    const mantissa = text.slice(0, exponentAt);
    return { negative, digits: mantissa.replace('.', ''), exponent: Number(text.slice(exponentAt + 1)) };
  }
  const pointAt = text.indexOf('.');
  const integerPart = pointAt >= 0 ? text.slice(0, pointAt) : text;
  const fractionPart = pointAt >= 0 ? text.slice(pointAt + 1) : '';
  if (integerPart !== '0') {
    const digits = (integerPart + fractionPart).replace(/0+$/, '');
    return { negative, digits, exponent: integerPart.length - 1 };
  }
  const leadingZeros = /^0*/.exec(fractionPart)?.[0].length ?? 0;
  return { negative, digits: fractionPart.slice(leadingZeros), exponent: -(leadingZeros + 1) };
}
