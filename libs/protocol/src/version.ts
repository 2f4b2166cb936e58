import { VersionFormatError } from './errors/local-errors';

/** The Python SDK version this library is wire-compatible with. */
export const SDK_VERSION = '10.2.0';

/** `version_as_int` of {@link SDK_VERSION}: what a 10.2.0 dendrite sends as `bt_header_dendrite_version`. */
export const SDK_VERSION_AS_INT = 10002000;

/** `V_7_2_0`: dendrites at or above this version get the nonce freshness window in the Python axon. */
export const NONCE_WINDOW_MIN_VERSION = 7002000;

/**
 * The SDK's `version_as_int`: `major·1_000_000 + minor·1_000 + patch`; every part must be below 1000 and the
 * result below 2^31 (both asserted by the SDK). Throws {@link VersionFormatError}.
 */
export function versionAsInt(version: string): number {
  const parts = version.split('.');
  if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part))) {
    throw new VersionFormatError(`Version '${version}' is not dot-separated integers`);
  }
  let result = 0;
  for (const part of parts) {
    const value = Number(part);
    if (value >= 1000) {
      throw new VersionFormatError(`Version '${version}' has a part of 1000 or more`);
    }
    result = result * 1000 + value;
  }
  if (result >= 2 ** 31) {
    throw new VersionFormatError(`Version '${version}' is 2^31 or more as an integer`);
  }
  return result;
}
