/**
 * Characters Python's `str.isprintable()` rejects: categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (the ASCII space
 * is handled before this test). Python 3.11 ships Unicode 14 while Node 20's ICU is newer, so code points
 * assigned after Unicode 14 count as printable here but are escaped by Python.
 */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const PLAIN_ASCII = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).padStart(width, '0');
}

function escapeCodePoint(char: string, codePoint: number, quote: string): string {
  switch (char) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      break;
  }
  if (char === quote) {
    return `\\${quote}`;
  }
  if (codePoint < 0x20 || codePoint === 0x7f) {
    return `\\x${hex(codePoint, 2)}`;
  }
  if (codePoint < 0x7f || !NON_PRINTABLE.test(char)) {
    return char;
  }
  if (codePoint <= 0xff) {
    return `\\x${hex(codePoint, 2)}`;
  }
  if (codePoint <= 0xffff) {
    return `\\u${hex(codePoint, 4)}`;
  }
  return `\\U${hex(codePoint, 8)}`;
}

/**
 * Python's `repr(str)`: single quotes unless the text contains `'` and no `"`; escapes `\\`, the chosen quote,
 * `\n`, `\r`, `\t`, and non-printable characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN`; printable non-ASCII stays
 * literal. Lone surrogates (possible in JS strings and in Python strs decoded from JSON) print as `\udXXX`.
 */
export function pyStrRepr(text: string): string {
  if (PLAIN_ASCII.test(text)) {
    return `'${text}'`;
  }
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    out += escapeCodePoint(char, char.codePointAt(0) ?? 0, quote);
  }
  return out + quote;
}
