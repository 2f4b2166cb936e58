import { pyFormatFixed } from './py-format';

describe("pyFormatFixed (Python format(x, '.Nf'))", () => {
  it.each([
    [16, 2, '16.00'],
    [30.123456, 2, '30.12'],
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.5, 0, '2'],
    [3.5, 0, '4'],
    [1.005, 2, '1.00'],
    [-0.125, 2, '-0.12'],
    [-0, 2, '-0.00'],
    [-0.001, 2, '-0.00'],
    [1e22, 2, '10000000000000000000000.00'],
    [Infinity, 2, 'inf'],
    [NaN, 2, 'nan'],
  ])('formats %p with %p digits as %s', (value, digits, expected) => {
    expect(pyFormatFixed(value, digits)).toBe(expected);
  });
});
