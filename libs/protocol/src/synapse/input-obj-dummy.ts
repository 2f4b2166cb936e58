import { PyTuple, type PyValue } from '../python/py-value';

/**
 * `bt_header_input_obj_<field>` values: base64(json.dumps(type(value)())) — the empty value of the field's
 * *runtime* type, never the real value (protocol.md §1.4 step 4).
 */
export const INPUT_OBJ_DUMMY_VALUES = {
  int: 'MA==',
  float: 'MC4w',
  str: 'IiI=',
  list: 'W10=',
  dict: 'e30=',
  bool: 'ZmFsc2U=',
} as const;

/**
 * The input_obj header value for a dumped field value, or `null` when Python sends none (value `None`).
 * Tuples dump as `tuple()` → `[]`; nested models are dicts after `model_dump()`.
 */
export function inputObjDummyValue(value: PyValue): string | null {
  if (value === null) {
    return null;
  }
  switch (typeof value) {
    case 'boolean':
      return INPUT_OBJ_DUMMY_VALUES.bool;
    case 'bigint':
      return INPUT_OBJ_DUMMY_VALUES.int;
    case 'number':
      return INPUT_OBJ_DUMMY_VALUES.float;
    case 'string':
      return INPUT_OBJ_DUMMY_VALUES.str;
    case 'function':
    case 'symbol':
    case 'undefined':
    case 'object':
      if (Array.isArray(value) || value instanceof PyTuple) {
        return INPUT_OBJ_DUMMY_VALUES.list;
      }
      return INPUT_OBJ_DUMMY_VALUES.dict;
  }
}
