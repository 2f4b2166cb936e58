import { ModelDefinition } from './model-definition';
import { PyType, py } from './py-type';

/** `Optional[int]` with the SDK's `cast_int` before-validator (`int(raw)`): headers arrive as strings. */
const PYTHON_INT_CAST = new PyType<bigint | null, bigint | number | string | boolean | null>({
  kind: 'python-int-cast',
});
/** `Optional[float]` with the SDK's `cast_float` before-validator (`float(raw)`). */
const PYTHON_FLOAT_CAST = new PyType<number | null, number | bigint | string | boolean | null>({
  kind: 'python-float-cast',
});

/** `py` types for the SDK's casting fields; used by the base synapse fields too. */
export const SDK_CAST_TYPES = { int: PYTHON_INT_CAST, float: PYTHON_FLOAT_CAST } as const;

/**
 * Per-side request metadata (`bittensor.TerminalInfo`), fields in the SDK's order — the order of headers and of
 * the JSON body. Integers are exact (`nonce` exceeds 2^53).
 */
export interface TerminalInfo {
  status_code: bigint | null;
  status_message: string | null;
  process_time: number | null;
  ip: string | null;
  port: bigint | null;
  version: bigint | null;
  nonce: bigint | null;
  uuid: string | null;
  hotkey: string | null;
  signature: string | null;
}

/** Input accepted for a TerminalInfo (lax: numbers for ints, strings for casting fields). */
export type TerminalInfoInput = { [K in keyof TerminalInfo]?: TerminalInfo[K] | number | string | boolean };

const TERMINAL_INFO_SHAPE = {
  status_code: PYTHON_INT_CAST.default(null),
  status_message: py.optional(py.str()).default(null),
  process_time: PYTHON_FLOAT_CAST.default(null),
  ip: py.optional(py.str()).default(null),
  port: PYTHON_INT_CAST.default(null),
  version: PYTHON_INT_CAST.default(null),
  nonce: PYTHON_INT_CAST.default(null),
  uuid: py.optional(py.str()).default(null),
  hotkey: py.optional(py.str()).default(null),
  signature: py.optional(py.str()).default(null),
};

/** The TerminalInfo model (nested in every synapse as `dendrite` and `axon`). */
export const TERMINAL_INFO_MODEL = new ModelDefinition('TerminalInfo', TERMINAL_INFO_SHAPE);

/** TerminalInfo field names in SDK order. */
export const TERMINAL_INFO_FIELDS: readonly (keyof TerminalInfo)[] = Object.keys(
  TERMINAL_INFO_SHAPE,
) as (keyof TerminalInfo)[];

/** A TerminalInfo with every field `None`. */
export function emptyTerminalInfo(): TerminalInfo {
  return {
    status_code: null,
    status_message: null,
    process_time: null,
    ip: null,
    port: null,
    version: null,
    nonce: null,
    uuid: null,
    hotkey: null,
    signature: null,
  };
}
