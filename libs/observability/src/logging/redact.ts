/** What replaces a secret in logs and printed output. */
export const REDACTED = '[redacted]';

/**
 * Keys whose values are secrets wherever they appear, compared without case, `_` and `-` (so `secretSeed`,
 * `secret_seed` and `SECRET-SEED` are one key).
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'signature',
  'seed',
  'secretseed',
  'mnemonic',
  'privatekey',
  'secretkey',
  'secretphrase',
  'password',
  'passphrase',
  'authorization',
  'cookie',
  'apikey',
]);

/** Nesting beyond which a logged value is replaced whole rather than walked (its secrets cannot be checked). */
const MAX_DEPTH = 32;

/** btwallet's keyfile password variables, `BT_PW_<keyfile path>` (e.g. an environment logged as an object). */
const PASSWORD_VARIABLE_PREFIX = /^bt_pw_/i;

/** Whether the value under `key` is a secret (see {@link SECRET_KEYS}, and any `BT_PW_…` variable). */
export function isSecretKey(key: string): boolean {
  return PASSWORD_VARIABLE_PREFIX.test(key) || SECRET_KEYS.has(key.replace(/[_-]/g, '').toLowerCase());
}

function isSchemeChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2b ||
    code === 0x2d ||
    code === 0x2e
  );
}

/** Characters that end a URL's authority (or the URL itself, in running text) before any `@`. */
function endsAuthority(char: string): boolean {
  return char === '/' || char === '?' || char === '#' || /\s/.test(char);
}

/** Query parameters that carry credentials in connection URLs (`rediss://host?password=…`, `?token=…`). */
const SECRET_QUERY_PARAMETER =
  /([?&](?:password|passwd|pass|pwd|token|secret|api[_-]?key|access[_-]?token|auth)=)[^&#\s]*/gi;

/**
 * `text` with the credentials of every URL in it replaced: `scheme://user:password@host` becomes
 * `user:[redacted]@host` (or `[redacted]@host` when the user info has no password: a token given as the user name),
 * and credential query parameters (`password=`, `token=`, `api_key=` …) keep only their name. Linear in the text's
 * length.
 */
export function redactUrl(text: string): string {
  return redactQueryCredentials(redactUserInfo(text));
}

function redactQueryCredentials(text: string): string {
  return text.includes('=') ? text.replace(SECRET_QUERY_PARAMETER, `$1${REDACTED}`) : text;
}

/** The user-info half of {@link redactUrl}: a scan, not a regex. */
function redactUserInfo(text: string): string {
  let out = '';
  let copiedTo = 0;
  let searchFrom = 0;
  for (;;) {
    const separator = text.indexOf('://', searchFrom);
    if (separator < 0) {
      break;
    }
    const schemeStart = separator - 1;
    const authorityStart = separator + 3;
    searchFrom = authorityStart;
    if (schemeStart < 0 || !isSchemeChar(text.charCodeAt(schemeStart))) {
      continue;
    }
    let at = -1;
    let end = authorityStart;
    for (; end < text.length; end++) {
      const char = text.charAt(end);
      if (char === '@') {
        at = end;
      } else if (endsAuthority(char)) {
        break;
      }
    }
    searchFrom = end;
    if (at < 0) {
      continue;
    }
    const userInfo = text.slice(authorityStart, at);
    const colon = userInfo.indexOf(':');
    const redacted = colon < 0 ? REDACTED : `${userInfo.slice(0, colon)}:${REDACTED}`;
    out += text.slice(copiedTo, authorityStart) + redacted;
    copiedTo = at;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') {
    return redactUrl(value);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  // Class instances (requests, errors, buffers) keep their own serializers and redaction paths.
  if (!Array.isArray(value) && !isPlainObject(value)) {
    return value;
  }
  if (depth >= MAX_DEPTH) {
    return REDACTED;
  }
  if (seen.has(value)) {
    return '[circular]';
  }
  seen.add(value);
  const result = Array.isArray(value)
    ? value.map((item) => redactValue(item, depth + 1, seen))
    : Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          isSecretKey(key) ? REDACTED : redactValue(item, depth + 1, seen),
        ]),
      );
  seen.delete(value);
  return result;
}

/**
 * A copy of `value` with secrets replaced by {@link REDACTED} at any depth: values under secret keys (`seed`,
 * `secretSeed`, `mnemonic`, `password`, …) and credentials inside URLs in any string. Plain objects and arrays are
 * walked; other objects are returned as they are. Values nested deeper than 32 levels are replaced whole.
 */
export function redactSecrets<T>(value: T): T {
  return redactValue(value, 0, new WeakSet()) as T;
}
