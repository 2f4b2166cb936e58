/** Characters Node and Starlette accept in header values: tab, printable ASCII, and latin-1 0x80–0xff. */
const UNSAFE_HEADER_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

/** Whether a value can be sent as an HTTP header value (latin-1, no control characters). */
export function isHeaderSafe(value: string): boolean {
  return !UNSAFE_HEADER_CHAR.test(value);
}

/** Replaces characters a header cannot carry with `?` (for error responses, which must always go out). */
export function toHeaderSafe(value: string): string {
  return isHeaderSafe(value) ? value : value.replace(new RegExp(UNSAFE_HEADER_CHAR.source, 'g'), '?');
}
