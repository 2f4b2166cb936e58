import { isUtf8 } from 'node:buffer';

/**
 * btwallet's optional password environment variable (protocol.md §7.4, `save_password_to_env` /
 * `get_password_from_environment`): name `BT_PW_` + uppercase(keyfile path with `/` and `.` → `_`),
 * value base64(password XOR cyclic(name bytes)). Obfuscation only, not protection.
 */
export function passwordEnvVarName(keyfilePath: string): string {
  return `BT_PW_${keyfilePath.replace(/\//g, '_').replace(/\./g, '_').toUpperCase()}`;
}

function xorWithName(data: Buffer, varName: string): Buffer {
  const key = Buffer.from(varName, 'utf8');
  return Buffer.from(data.map((byte, index) => byte ^ (key[index % key.length] ?? 0)));
}

/** The env var value btwallet would store for `password` under `varName`. */
export function encodePasswordForEnv(varName: string, password: string): string {
  return xorWithName(Buffer.from(password, 'utf8'), varName).toString('base64');
}

/** Decodes a `BT_PW_…` value (as btwallet: invalid UTF-8 after XOR yields the empty string). */
export function decodePasswordFromEnv(varName: string, value: string): string {
  const bytes = xorWithName(Buffer.from(value, 'base64'), varName);
  return isUtf8(bytes) ? bytes.toString('utf8') : '';
}

/** The password stored for `keyfilePath` in `env`, if its `BT_PW_…` variable is set. */
export function passwordFromEnvironment(
  keyfilePath: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const varName = passwordEnvVarName(keyfilePath);
  const value = env[varName];
  return value === undefined ? undefined : decodePasswordFromEnv(varName, value);
}
