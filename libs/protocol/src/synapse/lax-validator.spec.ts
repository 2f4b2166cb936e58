import { SynapseValidationError } from '../errors/body-errors';
import { parseLosslessJson } from '../json/lossless-json-parser';
import { pyStr } from '../python/py-repr';
import { PyTuple, type PyValue } from '../python/py-value';
import { defineModel } from './model-definition';
import { py } from './py-type';
import type { TypeSpec } from './type-spec';

function validateOne(type: { spec: TypeSpec }, json: string): unknown {
  const model = defineModel('M', { x: type as ReturnType<typeof py.any> });
  return model.validate(parseLosslessJson(`{"x": ${json}}`)).x;
}

function failure(type: { spec: TypeSpec }, json: string): SynapseValidationError {
  try {
    validateOne(type, json);
  } catch (error) {
    if (error instanceof SynapseValidationError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected ${json} to fail`);
}

describe('pydantic lax-mode coercion (Python input from json.loads)', () => {
  it.each([
    ['float field gets 12', py.float(), '12', '12.0'],
    ['float field gets 12.5', py.float(), '12.5', '12.5'],
    ['float field gets true', py.float(), 'true', '1.0'],
    ['float field gets "3.141"', py.float(), '"3.141"', '3.141'],
    ['float field gets NaN', py.float(), 'NaN', 'nan'],
    ['list[float] gets [1, 2]', py.list(py.float()), '[1, 2]', '[1.0, 2.0]'],
    ['int field gets 12.0', py.int(), '12.0', '12'],
    ['int field gets true', py.int(), 'true', '1'],
    ['int field gets "42"', py.int(), '"42"', '42'],
    ['int field gets " 42.000 "', py.int(), '" 42.000 "', '42'],
    ['int field gets "1_000"', py.int(), '"1_000"', '1000'],
    ['int field keeps a huge int exact', py.int(), '123456789012345678901234567890', '123456789012345678901234567890'],
    ['bool field gets 1', py.bool(), '1', 'True'],
    ['bool field gets 0.0', py.bool(), '0.0', 'False'],
    ['bool field gets "off"', py.bool(), '"off"', 'False'],
    ['bool field gets "YES"', py.bool(), '"YES"', 'True'],
    ['Optional[int] gets null', py.optional(py.int()), 'null', 'None'],
    ['untyped dict keeps ints', py.dict(), '{"a": 1, "b": 1.0}', "{'a': 1, 'b': 1.0}"],
    ['Any keeps nested values', py.any(), '[1, {"k": [2.0, null]}]', "[1, {'k': [2.0, None]}]"],
    ['dict[int, float] converts keys and values', py.dict(py.int(), py.float()), '{"1": 2}', '{1: 2.0}'],
    ['tuple[int, ...] from a list', py.tuple(py.int()), '[1, 2]', '(1, 2)'],
    ['Union[int, str] keeps a str', py.union(py.int(), py.str()), '"5"', '5'],
    ['Union[int, str] keeps an int', py.union(py.int(), py.str()), '5', '5'],
    ['Union[str, float] gets 1 (no exact match; float wins lax)', py.union(py.str(), py.float()), '1', '1.0'],
  ])('%s → str() %s', (_label, type, json, expected) => {
    expect(pyStr(validateOne(type, json) as PyValue)).toBe(expected);
  });

  it.each([
    ['int field refuses 12.5', py.int(), '12.5', 'int_from_float'],
    ['int field refuses "12.5"', py.int(), '"12.5"', 'int_parsing'],
    ['int field refuses Infinity', py.int(), 'Infinity', 'finite_number'],
    ['int field refuses floats beyond i64', py.int(), '1e19', 'int_parsing_size'],
    ['int field refuses a list', py.int(), '[1]', 'int_type'],
    ['str field refuses numbers', py.str(), '12', 'string_type'],
    ['str field refuses null', py.str(), 'null', 'string_type'],
    ['bool field refuses 2', py.bool(), '2', 'bool_parsing'],
    ['bool field refuses a list', py.bool(), '[]', 'bool_type'],
    ['float field refuses "abc"', py.float(), '"abc"', 'float_parsing'],
    ['list field refuses a dict', py.list(py.int()), '{}', 'list_type'],
    ['list field refuses a string', py.list(py.str()), '"ab"', 'list_type'],
    ['dict field refuses a list', py.dict(), '[]', 'dict_type'],
    ['list[int] reports the bad item', py.list(py.int()), '[1, "x"]', 'int_parsing'],
  ])('%s (%s)', (_label, type, json, errorType) => {
    const error = failure(type, json);
    expect(error.issues[0]?.type).toBe(errorType);
    expect(error.code).toBe('TAONODE_PROTOCOL_SYNAPSE_INVALID');
  });

  it('formats issues like pydantic, with the location of the failing item', () => {
    const error = failure(py.list(py.int()), '[1, "x"]');
    expect(error.message).toBe(
      "1 validation error for M\nx.1\n  Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input_value='x', input_type=str]",
    );
  });

  it('validates nested models, fills defaults and ignores unknown keys', () => {
    const Point = defineModel('Point', { x: py.float(), y: py.float().default(0) });
    const Shape = defineModel('Shape', { points: py.list(py.model(Point)), label: py.str().default('') });
    const shape = Shape.validate(parseLosslessJson('{"points": [{"x": 1}, {"x": 2, "y": 3, "z": 9}], "extra": 1}'));
    expect(shape).toEqual({
      points: [
        { x: 1, y: 0 },
        { x: 2, y: 3 },
      ],
      label: '',
    });
    expect(pyStr(Shape.dump(shape))).toBe("{'points': [{'x': 1.0, 'y': 0.0}, {'x': 2.0, 'y': 3.0}], 'label': ''}");
  });

  it('reports missing required fields and bad nested models', () => {
    const Point = defineModel('Point', { x: py.float() });
    const Holder = defineModel('Holder', { p: py.model(Point), q: py.int() });
    let caught: unknown;
    try {
      Holder.validate(parseLosslessJson('{"p": 5}'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SynapseValidationError);
    expect((caught as SynapseValidationError).issues.map((issue) => [issue.loc.join('.'), issue.type])).toEqual([
      ['p', 'model_type'],
      ['q', 'missing'],
    ]);
  });

  it('accepts TS-side input: numbers for ints, plain objects for dicts, tuples', () => {
    const model = defineModel('T', { n: py.int(), d: py.dict(py.str(), py.int()), t: py.tuple(py.float()) });
    const values = model.create({ n: 4, d: { b: 2, a: 1 }, t: [1, 2] });
    expect(values.n).toBe(4n);
    expect([...values.d.entries()]).toEqual([
      ['b', 2n],
      ['a', 1n],
    ]);
    expect(values.t).toEqual(new PyTuple([1, 2]));
  });

  it('gives every instance its own copy of a mutable default', () => {
    const model = defineModel('L', { items: py.list(py.int()).defaultFactory(() => []) });
    const first = model.validate({});
    first.items.push(1n);
    expect(model.validate({}).items).toEqual([]);
  });
});
