/** Python's f-string rendering of an optional value: `None` when missing. */
function pythonText(value: bigint | string | null | undefined): string {
  return value === null || value === undefined ? 'None' : value.toString();
}

/** The parts of the dendrite's request signature. */
export interface RequestSigningParts {
  readonly nonce: bigint | null;
  readonly dendriteHotkey: string | null;
  /** The target axon's hotkey; the Python axon substitutes its own wallet hotkey when verifying. */
  readonly axonHotkey: string | null;
  readonly uuid: string | null;
  /** The body hash; on the axon side the `computed_body_hash` header value. */
  readonly bodyHash: string | null;
}

/** `"{nonce}.{dendrite_hotkey}.{axon_hotkey}.{uuid}.{body_hash}"` — what the dendrite signs (protocol.md §2.1). */
export function requestSigningMessage(parts: RequestSigningParts): string {
  return `${pythonText(parts.nonce)}.${pythonText(parts.dendriteHotkey)}.${pythonText(parts.axonHotkey)}.${pythonText(parts.uuid)}.${pythonText(parts.bodyHash)}`;
}

/** The parts of the Python axon's own signature (sent only in error responses). */
export interface AxonSigningParts {
  readonly axonNonce: bigint;
  readonly dendriteHotkey: string | null;
  /** Whatever the request header `bt_header_axon_hotkey` said (the SDK does not substitute its own key). */
  readonly axonHotkey: string | null;
  readonly axonUuid: string;
}

/** `"{axon_nonce}.{dendrite_hotkey}.{axon_hotkey}.{axon_uuid}"` (protocol.md §2.2). */
export function axonSigningMessage(parts: AxonSigningParts): string {
  return `${parts.axonNonce}.${pythonText(parts.dendriteHotkey)}.${pythonText(parts.axonHotkey)}.${parts.axonUuid}`;
}
