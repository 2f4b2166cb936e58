import type { IncomingHttpHeaders } from 'node:http';

/**
 * Longest value accepted per protocol header, checked on the raw strings before any decoding (SS58, integers,
 * base64): a 16 KB hotkey costs one length comparison. Generous for every value a dendrite sends (an SS58 hotkey is
 * 48 characters, a signature 130, a nonce 19 digits).
 */
const MAX_VALUE_LENGTH: Readonly<Record<string, number>> = {
  bt_header_dendrite_hotkey: 64,
  bt_header_dendrite_signature: 160,
  bt_header_dendrite_nonce: 32,
  bt_header_dendrite_uuid: 64,
  bt_header_dendrite_version: 32,
  bt_header_dendrite_ip: 64,
  bt_header_dendrite_port: 16,
  computed_body_hash: 80,
  timeout: 32,
  name: 128,
  header_size: 32,
  total_size: 32,
};

/** Any other `bt_header_*` (`input_obj` dummies, `axon` echoes); non-protocol headers only count toward the head limit. */
const MAX_OTHER_VALUE_LENGTH = 1024;

/** The first header whose value is over its limit, or undefined. */
export function oversizedHeader(headers: IncomingHttpHeaders): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) {
      continue;
    }
    const limit = MAX_VALUE_LENGTH[name] ?? (name.startsWith('bt_header_') ? MAX_OTHER_VALUE_LENGTH : Infinity);
    const length = typeof value === 'string' ? value.length : value.reduce((sum, item) => sum + item.length, 0);
    if (length > limit) {
      return name;
    }
  }
  return undefined;
}
