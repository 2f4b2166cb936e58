import { PyTuple, type PyValue } from '../python/py-value';
import { parseLosslessJson } from './lossless-json-parser';
import {
  AIOHTTP_REQUEST_JSON_STYLE,
  PythonJsonEncodeError,
  STARLETTE_RESPONSE_JSON_STYLE,
  writePythonJson,
} from './python-json-writer';

const sample = new Map<string, PyValue>([
  ['i', 1795300969081857372n],
  ['f', 12],
  ['small', 0.00001],
  ['s', 'caf\u00e9 "q" \\ \n \u{1f600} \x7f'],
  ['l', [true, false, null, new PyTuple([1n])]],
  [
    'd',
    new Map<string | bigint | boolean, PyValue>([
      [1n, 'int key'],
      [true, 'bool key'],
    ]),
  ],
]);

describe('writePythonJson', () => {
  it('writes aiohttp request bodies like json.dumps defaults', () => {
    expect(writePythonJson(sample, AIOHTTP_REQUEST_JSON_STYLE)).toBe(
      '{"i": 1795300969081857372, "f": 12.0, "small": 1e-05, "s": "caf\\u00e9 \\"q\\" \\\\ \\n \\ud83d\\ude00 \\u007f", ' +
        '"l": [true, false, null, [1]], "d": {"1": "int key", "true": "bool key"}}',
    );
  });

  it('writes Starlette responses compact with UTF-8 kept literal', () => {
    expect(writePythonJson(sample, STARLETTE_RESPONSE_JSON_STYLE)).toBe(
      '{"i":1795300969081857372,"f":12.0,"small":1e-05,"s":"caf\u00e9 \\"q\\" \\\\ \\n \u{1f600} \x7f",' +
        '"l":[true,false,null,[1]],"d":{"1":"int key","true":"bool key"}}',
    );
  });

  it('writes NaN/Infinity for requests and refuses them in responses', () => {
    expect(writePythonJson([NaN, -Infinity], AIOHTTP_REQUEST_JSON_STYLE)).toBe('[NaN, -Infinity]');
    expect(() => writePythonJson([NaN], STARLETTE_RESPONSE_JSON_STYLE)).toThrow(PythonJsonEncodeError);
  });

  it('refuses lone surrogates when writing UTF-8, escapes them when ASCII-only', () => {
    expect(writePythonJson('\ud800', AIOHTTP_REQUEST_JSON_STYLE)).toBe('"\\ud800"');
    expect(() => writePythonJson('\ud800', STARLETTE_RESPONSE_JSON_STYLE)).toThrow(PythonJsonEncodeError);
  });

  it('refuses tuple keys like Python', () => {
    expect(() => writePythonJson(new Map([[new PyTuple([]), 1n]]), AIOHTTP_REQUEST_JSON_STYLE)).toThrow(
      PythonJsonEncodeError,
    );
  });

  it('round-trips through the lossless parser', () => {
    const text = writePythonJson(sample, AIOHTTP_REQUEST_JSON_STYLE);
    const back = parseLosslessJson(text) as Map<string, unknown>;
    expect(back.get('i')).toBe(1795300969081857372n);
    expect(back.get('f')).toBe(12);
    expect(back.get('s')).toBe(sample.get('s'));
  });
});
