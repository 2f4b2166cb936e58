import { isUtf8 } from 'node:buffer';
import { BodyUnreadableError, JsonSyntaxError } from '../errors/body-errors';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function looksLikeUtf16Or32(bytes: Uint8Array): boolean {
  // Python's json.detect_encoding: BOMs of UTF-16/32, or NUL bytes among the first four (ASCII JSON text).
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return true;
  }
  return bytes.length >= 2 && (b0 === 0 || b1 === 0 || (bytes.length >= 4 && (b2 === 0 || b3 === 0)));
}

/**
 * Request/response body bytes to JSON text, as Python's `json.loads(bytes)` decodes them: UTF-8 with an optional
 * BOM. Invalid UTF-8 is {@link BodyUnreadableError} (FastAPI's 400). UTF-16/32 bodies, which Python would
 * accept, are refused too — no Python peer sends them. A string body with a BOM is Python's JSONDecodeError.
 */
export function decodeJsonBody(body: string | Uint8Array): string {
  if (typeof body === 'string') {
    if (body.charCodeAt(0) === 0xfeff) {
      throw new JsonSyntaxError('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0, 1, 1);
    }
    return body;
  }
  let bytes = body;
  if (bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) {
    bytes = bytes.subarray(3);
  } else if (looksLikeUtf16Or32(bytes)) {
    throw new BodyUnreadableError('Body is not UTF-8 encoded JSON');
  }
  if (!isUtf8(bytes)) {
    throw new BodyUnreadableError('Body is not valid UTF-8');
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
