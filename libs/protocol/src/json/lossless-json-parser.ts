import { BodyUnreadableError, JsonSyntaxError } from '../errors/body-errors';
import { PYTHON_INT_MAX_STR_DIGITS } from '../python/py-number-parse';
import type { JsonObject, JsonValue } from './json-value';

/** Options of {@link parseLosslessJson}. */
export interface LosslessJsonOptions {
  /** Deepest nesting accepted; Python's decoder fails near its recursion limit (1000). */
  readonly maxDepth?: number;
  /** Accept the `NaN`, `Infinity` and `-Infinity` literals, as Python's `json.loads` does (default true). */
  readonly allowNonFinite?: boolean;
}

const DEFAULT_MAX_DEPTH = 1000;
const CHAR_QUOTE = 0x22;
const CHAR_BACKSLASH = 0x5c;
const CHAR_MINUS = 0x2d;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function codePointLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
      }
    }
    length++;
  }
  return length;
}

class LosslessJsonParser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly allowNonFinite: boolean,
  ) {}

  parseDocument(): JsonValue {
    this.skipWhitespace();
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.pos !== this.text.length) {
      throw this.syntaxError('Extra data', this.pos);
    }
    return value;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) {
        pos++;
      } else {
        break;
      }
    }
    this.pos = pos;
  }

  private parseValue(depth: number): JsonValue {
    const text = this.text;
    const start = this.pos;
    const code = text.charCodeAt(start);
    switch (code) {
      case CHAR_QUOTE:
        return this.parseString();
      case 0x7b:
        return this.parseObject(depth + 1);
      case 0x5b:
        return this.parseArray(depth + 1);
      case 0x6e:
        return this.parseKeyword('null', null);
      case 0x74:
        return this.parseKeyword('true', true);
      case 0x66:
        return this.parseKeyword('false', false);
      case 0x4e:
        return this.parseNonFinite('NaN', NaN);
      case 0x49:
        return this.parseNonFinite('Infinity', Infinity);
      default:
        break;
    }
    if (code === CHAR_MINUS && text.startsWith('-Infinity', start) && this.allowNonFinite) {
      this.pos = start + 9;
      return -Infinity;
    }
    return this.parseNumber();
  }

  private parseKeyword(word: string, value: JsonValue): JsonValue {
    if (!this.text.startsWith(word, this.pos)) {
      throw this.syntaxError('Expecting value', this.pos);
    }
    this.pos += word.length;
    return value;
  }

  private parseNonFinite(word: string, value: number): JsonValue {
    if (!this.allowNonFinite || !this.text.startsWith(word, this.pos)) {
      throw this.syntaxError('Expecting value', this.pos);
    }
    this.pos += word.length;
    return value;
  }

  private parseNumber(): JsonValue {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === CHAR_MINUS) {
      pos++;
    }
    const first = text.charCodeAt(pos);
    if (first === 0x30) {
      pos++;
    } else if (first >= 0x31 && first <= 0x39) {
      pos++;
      while (isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    } else {
      throw this.syntaxError('Expecting value', start);
    }
    let isInteger = true;
    if (text.charCodeAt(pos) === 0x2e && isDigit(text.charCodeAt(pos + 1))) {
      isInteger = false;
      pos += 2;
      while (isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    const exponentMark = text.charCodeAt(pos);
    if (exponentMark === 0x65 || exponentMark === 0x45) {
      let exponentPos = pos + 1;
      const sign = text.charCodeAt(exponentPos);
      if (sign === 0x2b || sign === CHAR_MINUS) {
        exponentPos++;
      }
      // Python's number pattern makes the exponent optional: "1e" is the number 1 followed by junk.
      if (isDigit(text.charCodeAt(exponentPos))) {
        isInteger = false;
        pos = exponentPos + 1;
        while (isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      }
    }
    this.pos = pos;
    const literal = text.slice(start, pos);
    if (!isInteger) {
      return Number(literal);
    }
    const digitCount = literal.length - (literal.charCodeAt(0) === CHAR_MINUS ? 1 : 0);
    if (digitCount > PYTHON_INT_MAX_STR_DIGITS) {
      // Python raises ValueError (not JSONDecodeError) from int(); FastAPI answers 400 for it.
      throw new BodyUnreadableError(
        `Exceeds the limit (${PYTHON_INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digitCount} digits`,
      );
    }
    return BigInt(literal);
  }

  private parseString(): string {
    const text = this.text;
    const quoteAt = this.pos;
    let pos = quoteAt + 1;
    let chunkStart = pos;
    let out = '';
    for (;;) {
      if (pos >= text.length) {
        throw this.syntaxError('Unterminated string starting at', quoteAt);
      }
      const code = text.charCodeAt(pos);
      if (code === CHAR_QUOTE) {
        this.pos = pos + 1;
        return chunkStart === quoteAt + 1 ? text.slice(chunkStart, pos) : out + text.slice(chunkStart, pos);
      }
      if (code < 0x20) {
        throw this.syntaxError('Invalid control character at', pos);
      }
      if (code !== CHAR_BACKSLASH) {
        pos++;
        continue;
      }
      out += text.slice(chunkStart, pos);
      const escapeAt = pos;
      const marker = text.charAt(pos + 1);
      if (marker === '') {
        throw this.syntaxError('Unterminated string starting at', quoteAt);
      }
      if (marker === 'u') {
        out += this.readUnicodeEscape(escapeAt);
        pos = this.pos;
      } else {
        const replacement = SIMPLE_ESCAPES[marker];
        if (replacement === undefined) {
          throw this.syntaxError('Invalid \\escape', escapeAt);
        }
        out += replacement;
        pos = escapeAt + 2;
      }
      chunkStart = pos;
    }
  }

  /** Reads `\uXXXX` (and a following low surrogate escape, which Python joins); leaves `pos` after it. */
  private readUnicodeEscape(escapeAt: number): string {
    const high = this.hexQuad(escapeAt + 2);
    if (high === null) {
      throw this.syntaxError('Invalid \\uXXXX escape', escapeAt + 1);
    }
    let end = escapeAt + 6;
    let result = String.fromCharCode(high);
    if (high >= 0xd800 && high <= 0xdbff && this.text.startsWith('\\u', end)) {
      const low = this.hexQuad(end + 2);
      if (low === null) {
        throw this.syntaxError('Invalid \\uXXXX escape', end + 1);
      }
      if (low >= 0xdc00 && low <= 0xdfff) {
        result += String.fromCharCode(low);
        end += 6;
      }
    }
    this.pos = end;
    return result;
  }

  private hexQuad(at: number): number | null {
    const quad = this.text.slice(at, at + 4);
    return /^[0-9a-fA-F]{4}$/.test(quad) ? parseInt(quad, 16) : null;
  }

  private parseObject(depth: number): JsonObject {
    this.checkDepth(depth);
    const text = this.text;
    const object: JsonObject = new Map();
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return object;
    }
    for (;;) {
      if (text.charCodeAt(this.pos) !== CHAR_QUOTE) {
        throw this.syntaxError('Expecting property name enclosed in double quotes', this.pos);
      }
      const key = this.parseString();
      this.skipWhitespace();
      if (text.charCodeAt(this.pos) !== 0x3a) {
        throw this.syntaxError("Expecting ':' delimiter", this.pos);
      }
      this.pos++;
      this.skipWhitespace();
      object.set(key, this.parseValue(depth));
      this.skipWhitespace();
      const next = text.charCodeAt(this.pos);
      if (next === 0x7d) {
        this.pos++;
        return object;
      }
      if (next !== 0x2c) {
        throw this.syntaxError("Expecting ',' delimiter", this.pos);
      }
      this.pos++;
      this.skipWhitespace();
    }
  }

  private parseArray(depth: number): JsonValue[] {
    this.checkDepth(depth);
    const text = this.text;
    const array: JsonValue[] = [];
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return array;
    }
    for (;;) {
      array.push(this.parseValue(depth));
      this.skipWhitespace();
      const next = text.charCodeAt(this.pos);
      if (next === 0x5d) {
        this.pos++;
        return array;
      }
      if (next !== 0x2c) {
        throw this.syntaxError("Expecting ',' delimiter", this.pos);
      }
      this.pos++;
      this.skipWhitespace();
    }
  }

  private checkDepth(depth: number): void {
    if (depth > this.maxDepth) {
      throw new BodyUnreadableError(`JSON nesting deeper than ${this.maxDepth} levels`);
    }
  }

  private syntaxError(message: string, pos: number): JsonSyntaxError {
    const before = this.text.slice(0, pos);
    const lastNewline = before.lastIndexOf('\n');
    const line = before.split('\n').length;
    const position = codePointLength(before);
    const column = lastNewline < 0 ? position + 1 : position - codePointLength(before.slice(0, lastNewline));
    return new JsonSyntaxError(message, position, line, column);
  }
}

/**
 * Parses JSON text as Python's `json.loads` would, without losing integer precision or the int/float
 * distinction. Throws {@link JsonSyntaxError} (Python's message and position) for malformed text and
 * {@link BodyUnreadableError} where Python fails outside the decoder (too deep, integer literal over 4300 digits).
 */
export function parseLosslessJson(text: string, options: LosslessJsonOptions = {}): JsonValue {
  const parser = new LosslessJsonParser(text, options.maxDepth ?? DEFAULT_MAX_DEPTH, options.allowNonFinite ?? true);
  return parser.parseDocument();
}
