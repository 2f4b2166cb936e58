import { pythonFloat, pythonFloatFromString, pythonInt, pythonIntFromString } from './py-number-parse';

describe('pythonIntFromString (Python int(str))', () => {
  it.each([
    ['12', 12n],
    ['  -7\n', -7n],
    ['+0', 0n],
    ['007', 7n],
    ['1_000', 1000n],
    ['1795300969081857372', 1795300969081857372n],
    ['\u00a012\u3000', 12n],
  ])('parses %j', (text, expected) => {
    expect(pythonIntFromString(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['12.0', '1e3', '', ' ', '0x10', '1__0', '_1', '1_', '12 3', 'abc', '\x1c12'])(
    'refuses %j with the ValueError text',
    (text) => {
      const result = pythonIntFromString(text);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.message).toMatch(/^invalid literal for int\(\) with base 10: /);
    },
  );

  it('quotes the original text in the message as repr()', () => {
    expect(pythonIntFromString("a'b")).toEqual({
      ok: false,
      exception: 'ValueError',
      message: 'invalid literal for int() with base 10: "a\'b"',
    });
  });

  it('refuses more than 4300 digits like CPython 3.11', () => {
    const result = pythonIntFromString('9'.repeat(4301));
    expect(result.ok ? '' : result.message).toMatch(/^Exceeds the limit \(4300 digits\)/);
    expect(pythonIntFromString('9'.repeat(4300)).ok).toBe(true);
  });
});

describe('pythonFloatFromString (Python float(str))', () => {
  it.each([
    ['12.0', 12],
    ['12', 12],
    ['.5', 0.5],
    ['5.', 5],
    ['1e-05', 0.00001],
    ['1_0.2_5', 10.25],
    [' -Infinity ', -Infinity],
    ['inf', Infinity],
    ['nAn', NaN],
    ['1e400', Infinity],
    ['0.000734', 0.000734],
  ])('parses %j', (text, expected) => {
    expect(pythonFloatFromString(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['', 'abc', '1e', '1.2.3', '0x1p3', '1__0', 'infinit', '- 1'])('refuses %j', (text) => {
    const result = pythonFloatFromString(text);
    expect(result.ok ? '' : result.message).toMatch(/^could not convert string to float: /);
  });
});

describe('pythonInt / pythonFloat on JSON values (the SDK casters)', () => {
  it('truncates floats toward zero and maps bools', () => {
    expect(pythonInt(12.9)).toEqual({ ok: true, value: 12n });
    expect(pythonInt(-12.9)).toEqual({ ok: true, value: -12n });
    expect(pythonInt(true)).toEqual({ ok: true, value: 1n });
    expect(pythonFloat(false)).toEqual({ ok: true, value: 0 });
    expect(pythonFloat(3n)).toEqual({ ok: true, value: 3 });
  });

  it('reports the exceptions Python raises', () => {
    expect(pythonInt(NaN)).toMatchObject({ ok: false, exception: 'ValueError' });
    expect(pythonInt(Infinity)).toMatchObject({ ok: false, exception: 'OverflowError' });
    expect(pythonInt([1])).toMatchObject({
      ok: false,
      exception: 'TypeError',
      message: "int() argument must be a string, a bytes-like object or a real number, not 'list'",
    });
    expect(pythonFloat(10n ** 400n)).toMatchObject({ ok: false, exception: 'OverflowError' });
    expect(pythonFloat(new Map())).toMatchObject({ ok: false, exception: 'TypeError' });
  });
});
