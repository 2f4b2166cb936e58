import { z } from 'zod';

/** A TCP port from an environment string; 0 lets the OS choose (tests). */
export const portVar = z.coerce.number().int().min(0).max(65535);

/** A `ws://` or `wss://` URL. */
export const wsUrlVar = z
  .string()
  .trim()
  .regex(/^wss?:\/\/\S+$/, 'expected a ws:// or wss:// URL');

/** A comma-separated list; blanks around entries and empty entries are dropped. */
export function commaList<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    )
    .pipe(z.array(item));
}
