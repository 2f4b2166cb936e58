import { loadBittensorVectors } from '@taonode/testing';
import type { BittensorVectors } from '../../test/support/shared-vectors';
import { pyRepr, pyStr } from './py-repr';
import { pyStrRepr } from './py-str-repr';
import { PyTuple, type PyValue } from './py-value';

describe('pyStr / pyRepr', () => {
  const examples = new Map(loadBittensorVectors<BittensorVectors>().body_hash.python_str_examples.examples);
  const values: [string, PyValue][] = [
    ["'hello' (str field)", 'hello'],
    ['[1, 2, 3] (list[int])', [1n, 2n, 3n]],
    ['0.5 (float)', 0.5],
    ['12 (float field, pydantic coerces to 12.0)', 12],
    ['1e16 (float)', 1e16],
    ['1e15 (float)', 1e15],
    ['0.00001 (float)', 0.00001],
    ['1.5e-7 (float)', 1.5e-7],
    ['True (bool)', true],
    ['None', null],
    [
      "{'a': 1, 'b': 'x'} (dict)",
      new Map<string, PyValue>([
        ['a', 1n],
        ['b', 'x'],
      ]),
    ],
    ["['a', \"b'c\", 'd\"e'] (list[str])", ['a', "b'c", 'd"e']],
    ["{'k': [1, 2.0, None, True]}", new Map<string, PyValue>([['k', [1n, 2, null, true]]])],
    ['(1, 2) (tuple)', new PyTuple([1n, 2n])],
  ];

  it('covers every python_str example of the vectors', () => {
    expect(values.map(([label]) => label).sort()).toEqual([...examples.keys()].sort());
  });

  it.each(values)('renders %s like Python str()', (label, value) => {
    expect(pyStr(value)).toBe(examples.get(label));
  });

  it('renders tuples of one and zero items with Python punctuation', () => {
    expect(pyRepr(new PyTuple([1n]))).toBe('(1,)');
    expect(pyRepr(new PyTuple([]))).toBe('()');
  });

  it('renders dict keys with repr (ints bare, strings quoted) in insertion order', () => {
    const dict = new Map<string | bigint, PyValue>([
      ['z', false],
      [2n, 'two'],
      ['a', new Map()],
    ]);
    expect(pyRepr(dict)).toBe("{'z': False, 2: 'two', 'a': {}}");
  });

  it('keeps str fields verbatim but quotes strings nested in containers', () => {
    expect(pyStr("it's")).toBe("it's");
    expect(pyStr(["it's"])).toBe('["it\'s"]');
  });
});

describe('pyStrRepr', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", '"it\'s"'],
    ['say "hi"', '\'say "hi"\''],
    ['both \' and "', "'both \\' and \"'"],
    ['back\\slash', "'back\\\\slash'"],
    ['tab\tnew\nret\r', "'tab\\tnew\\nret\\r'"],
    ['\x00\x1f\x7f', "'\\x00\\x1f\\x7f'"],
    ['\x80\xa0\xad', "'\\x80\\xa0\\xad'"],
    ['caf\xe9 \u00e9', "'caf\xe9 \u00e9'"],
    ['\u200b\u2028\u2029\u3000', "'\\u200b\\u2028\\u2029\\u3000'"],
    ['\ue000', "'\\ue000'"],
    ['\u{1f600}', "'\u{1f600}'"],
    ['\u{e0001}', "'\\U000e0001'"],
    ['\ud800', "'\\ud800'"],
    ['\u65e5\u672c', "'\u65e5\u672c'"],
    ['', "''"],
  ])('renders %j as %s', (text, expected) => {
    expect(pyStrRepr(text)).toBe(expected);
  });
});
