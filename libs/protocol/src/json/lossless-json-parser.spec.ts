import fc from 'fast-check';
import { BodyUnreadableError, JsonSyntaxError } from '../errors/body-errors';
import { parseLosslessJson } from './lossless-json-parser';

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseLosslessJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected a syntax error for ${text}`);
}

describe('parseLosslessJson', () => {
  it('keeps integers beyond 2^53 exact and distinguishes 12 from 12.0', () => {
    const value = parseLosslessJson('{"nonce": 1795300969081857372, "a": 12, "b": 12.0, "c": 1e2, "d": -0}');
    expect(value).toEqual(
      new Map<string, unknown>([
        ['nonce', 1795300969081857372n],
        ['a', 12n],
        ['b', 12],
        ['c', 100],
        ['d', 0n],
      ]),
    );
  });

  it('keeps key order and applies Python duplicate-key semantics (last value, first position)', () => {
    const value = parseLosslessJson('{"b": 1, "a": 2, "b": 3}') as Map<string, unknown>;
    expect([...value.entries()]).toEqual([
      ['b', 3n],
      ['a', 2n],
    ]);
  });

  it('accepts the NaN and Infinity literals like json.loads, unless told not to', () => {
    const value = parseLosslessJson('[NaN, Infinity, -Infinity]') as number[];
    expect(value[0]).toBeNaN();
    expect(value.slice(1)).toEqual([Infinity, -Infinity]);
    expect(() => parseLosslessJson('NaN', { allowNonFinite: false })).toThrow(JsonSyntaxError);
  });

  it('decodes escapes, joins surrogate-pair escapes and keeps lone surrogates', () => {
    expect(parseLosslessJson('"a\\n\\u00e9\\ud83d\\ude00\\/"')).toBe('a\né\u{1f600}/');
    expect(parseLosslessJson('"\\ud800x"')).toBe('\ud800x');
  });

  it.each([
    ['', 'Expecting value', 0, 1, 1],
    ['{"a": 1,}', 'Expecting property name enclosed in double quotes', 8, 1, 9],
    ['[1,]', 'Expecting value', 3, 1, 4],
    ['{"a" 1}', "Expecting ':' delimiter", 5, 1, 6],
    ['{"a": 1 "b": 2}', "Expecting ',' delimiter", 8, 1, 9],
    ['[1 2]', "Expecting ',' delimiter", 3, 1, 4],
    ['{"a": 1} x', 'Extra data', 9, 1, 10],
    ['"abc', 'Unterminated string starting at', 0, 1, 1],
    ['"a\tb"', 'Invalid control character at', 2, 1, 3],
    ['"\\x"', 'Invalid \\escape', 1, 1, 2],
    ['"\\u12G4"', 'Invalid \\uXXXX escape', 2, 1, 3],
    ['{\n  "a": tru\n}', 'Expecting value', 9, 2, 8],
    ['01', 'Extra data', 1, 1, 2],
    ['1.', 'Extra data', 1, 1, 2],
    ['-', 'Expecting value', 0, 1, 1],
    ['["\u{1f600}", x]', 'Expecting value', 6, 1, 7],
  ])('reports %j as Python does', (text, message, position, line, column) => {
    const error = syntaxError(text);
    expect([error.pythonMessage, error.position, error.line, error.column]).toEqual([message, position, line, column]);
    expect(error.message).toBe(`${message}: line ${line} column ${column} (char ${position})`);
    expect(error.httpStatus).toBe(422);
  });

  it('refuses integer literals over 4300 digits and nesting past the recursion limit (FastAPI 400)', () => {
    expect(() => parseLosslessJson('9'.repeat(4301))).toThrow(BodyUnreadableError);
    expect(parseLosslessJson('9'.repeat(4300))).toBe(10n ** 4300n - 1n);
    expect(() => parseLosslessJson('['.repeat(1001) + ']'.repeat(1001))).toThrow(BodyUnreadableError);
    expect(() => parseLosslessJson('['.repeat(1000) + ']'.repeat(1000))).not.toThrow();
  });

  it('agrees with JSON.parse on standard JSON (numbers compared as numbers)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const toPlain = (value: unknown): unknown => {
          if (typeof value === 'bigint') {
            return Number(value);
          }
          if (value instanceof Map) {
            return Object.fromEntries([...value].map(([k, v]) => [k, toPlain(v)]));
          }
          return Array.isArray(value) ? value.map(toPlain) : value;
        };
        expect(toPlain(parseLosslessJson(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('only ever throws typed errors on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        try {
          parseLosslessJson(text);
        } catch (error) {
          expect(error instanceof JsonSyntaxError || error instanceof BodyUnreadableError).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
