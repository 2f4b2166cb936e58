import { loadBittensorVectors } from '@taonode/testing';
import type { BittensorVectors } from '../../test/support/shared-vectors';
import { PyTuple } from '../python/py-value';
import { INPUT_OBJ_DUMMY_VALUES, inputObjDummyValue } from './input-obj-dummy';

describe('bt_header_input_obj dummies', () => {
  const vectors = loadBittensorVectors<BittensorVectors>().input_obj_dummy_values;

  it.each([
    ['int', '0'],
    ['float', '0.0'],
    ['str', '""'],
    ['list', '[]'],
    ['dict', '{}'],
    ['bool', 'false'],
  ] as const)('%s: base64(json.dumps(%s())) = the vector value', (type, json) => {
    expect(Buffer.from(json).toString('base64')).toBe(vectors[type]);
    expect(INPUT_OBJ_DUMMY_VALUES[type]).toBe(vectors[type]);
  });

  it('follows the runtime type of the dumped value, and sends nothing for None', () => {
    expect(inputObjDummyValue(5n)).toBe(vectors.int);
    expect(inputObjDummyValue(5)).toBe(vectors.float);
    expect(inputObjDummyValue('x')).toBe(vectors.str);
    expect(inputObjDummyValue(true)).toBe(vectors.bool);
    expect(inputObjDummyValue([1n])).toBe(vectors.list);
    expect(inputObjDummyValue(new PyTuple([1n]))).toBe(vectors.list);
    expect(inputObjDummyValue(new Map([['a', 1n]]))).toBe(vectors.dict);
    expect(inputObjDummyValue(null)).toBeNull();
  });
});
