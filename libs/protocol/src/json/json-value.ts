/**
 * A JSON document decoded losslessly, the way Python's `json.loads` sees it: integer literals are `bigint`
 * (exact, whatever their size), literals with a fraction or exponent are `number` (Python `float`), objects are
 * `Map`s in key order with Python's duplicate-key rule (last value wins, first position kept).
 */
export type JsonValue = null | boolean | string | bigint | number | JsonValue[] | JsonObject;

/** A decoded JSON object. */
export type JsonObject = Map<string, JsonValue>;
