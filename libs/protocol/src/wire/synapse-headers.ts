import { pyFloatRepr } from '../python/py-float-repr';
import type { PyDict } from '../python/py-value';
import { inputObjDummyValue } from '../synapse/input-obj-dummy';
import type { FieldShape } from '../synapse/py-type';
import type { SynapseDefinition, SynapseValues } from '../synapse/synapse-definition';
import { TERMINAL_INFO_FIELDS, type TerminalInfo } from '../synapse/terminal-info';
import { AXON_HEADER_PREFIX, DENDRITE_HEADER_PREFIX, INPUT_OBJ_HEADER_PREFIX } from './header-names';
import { estimateHeaderSize } from './size-estimate';

/** Python `str()` of a TerminalInfo value for a header. */
function headerText(value: bigint | number | string): string {
  return typeof value === 'number' ? pyFloatRepr(value) : value.toString();
}

function addTerminalInfo(headers: Record<string, string>, prefix: string, info: TerminalInfo | null): void {
  if (info === null) {
    return;
  }
  for (const field of TERMINAL_INFO_FIELDS) {
    const value = info[field];
    if (value !== null) {
      headers[`${prefix}${field}`] = headerText(value);
    }
  }
}

/** What `to_headers()` needs besides the synapse itself. */
export interface SynapseHeaderExtras {
  /** `model_dump()` of the synapse (for the input_obj dummies' runtime types). */
  readonly dumped: PyDict;
  readonly totalSize: bigint;
  readonly bodyHash: string;
}

/**
 * The SDK's `Synapse.to_headers()` in its order: `name`, `timeout`, non-None `bt_header_axon_*`, non-None
 * `bt_header_dendrite_*`, `bt_header_input_obj_*` for required fields with a non-None value, `header_size`,
 * `total_size`, `computed_body_hash`. A `None` timeout is left out (the SDK would send the string "None",
 * which its own parser then rejects).
 */
export function synapseHeaders<S extends FieldShape>(
  definition: SynapseDefinition<S>,
  synapse: SynapseValues<S>,
  extras: SynapseHeaderExtras,
): Record<string, string> {
  const headers: Record<string, string> = { name: definition.name };
  if (synapse.timeout !== null) {
    headers.timeout = pyFloatRepr(synapse.timeout);
  }
  addTerminalInfo(headers, AXON_HEADER_PREFIX, synapse.axon);
  addTerminalInfo(headers, DENDRITE_HEADER_PREFIX, synapse.dendrite);
  for (const field of definition.requiredFieldNames) {
    const dummy = inputObjDummyValue(extras.dumped.get(field) ?? null);
    if (dummy !== null) {
      headers[`${INPUT_OBJ_HEADER_PREFIX}${field}`] = dummy;
    }
  }
  headers.header_size = estimateHeaderSize(Object.keys(headers).length).toString();
  headers.total_size = extras.totalSize.toString();
  headers.computed_body_hash = extras.bodyHash;
  return headers;
}
