/** Header prefix of the axon's TerminalInfo fields. */
export const AXON_HEADER_PREFIX = 'bt_header_axon_';
/** Header prefix of the dendrite's TerminalInfo fields. */
export const DENDRITE_HEADER_PREFIX = 'bt_header_dendrite_';
/** Header prefix of the input_obj dummies (the SDK matches `bt_header_input_obj` and splits on the `_` form). */
export const INPUT_OBJ_HEADER_PREFIX = 'bt_header_input_obj_';
const INPUT_OBJ_MARKER = 'bt_header_input_obj';

/** Headers copied by exact name into the synapse. */
export const PLAIN_SYNAPSE_HEADERS = ['name', 'timeout', 'header_size', 'total_size', 'computed_body_hash'] as const;
export type PlainSynapseHeader = (typeof PLAIN_SYNAPSE_HEADERS)[number];

/** How the SDK's `parse_headers_to_inputs` treats one (lowercased) header name. */
export type HeaderRole =
  | { readonly kind: 'axon'; readonly field: string }
  | { readonly kind: 'dendrite'; readonly field: string }
  | { readonly kind: 'input-obj'; readonly field: string | null }
  | { readonly kind: 'plain'; readonly field: PlainSynapseHeader }
  | { readonly kind: 'other' };

/** Python's `key.split(prefix)[1]`: the text between the first and a possible second occurrence of `prefix`. */
function segmentAfter(name: string, prefix: string): string | null {
  const at = name.indexOf(prefix);
  if (at < 0) {
    return null;
  }
  const rest = name.slice(at + prefix.length);
  const again = rest.indexOf(prefix);
  return again < 0 ? rest : rest.slice(0, again);
}

/**
 * Classifies a header by the SDK's substring rules (protocol.md §1.5): containing `bt_header_axon_` →
 * axon field, `bt_header_dendrite_` → dendrite field, `bt_header_input_obj` → input object (no field when the
 * `_` form is absent, which the SDK logs and skips), exact plain names → synapse fields, the rest is ignored.
 */
export function classifyHeader(name: string): HeaderRole {
  const axonField = segmentAfter(name, AXON_HEADER_PREFIX);
  if (axonField !== null) {
    return { kind: 'axon', field: axonField };
  }
  const dendriteField = segmentAfter(name, DENDRITE_HEADER_PREFIX);
  if (dendriteField !== null) {
    return { kind: 'dendrite', field: dendriteField };
  }
  if (name.includes(INPUT_OBJ_MARKER)) {
    return { kind: 'input-obj', field: segmentAfter(name, INPUT_OBJ_HEADER_PREFIX) };
  }
  if ((PLAIN_SYNAPSE_HEADERS as readonly string[]).includes(name)) {
    return { kind: 'plain', field: name as PlainSynapseHeader };
  }
  return { kind: 'other' };
}

/** Whether a header name would be read by the SDK's header parser (the constraint on taonode's extra headers). */
export function isSdkInterpretedHeader(name: string): boolean {
  return classifyHeader(name.toLowerCase()).kind !== 'other';
}
