import type { z } from 'zod';
import { TaonodeError } from '@taonode/errors';

/** Environment variables as `process.env` holds them. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** The environment did not satisfy an app's schema; the message lists every offending variable. */
export class InvalidEnvironmentError extends TaonodeError {
  override readonly name = 'InvalidEnvironmentError';
  readonly code = 'TAONODE_CONFIG_INVALID_ENV';
  readonly kind = 'invalid-argument';
}

/**
 * Validates `env` against `schema` once and returns the typed, defaulted result. Fails with
 * "Invalid environment variables: NAME: reason; …" naming each variable, never echoing values (they may be secrets).
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: EnvSource): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.map(String).join('.') || '(environment)';
    return `${name}: ${issue.message}`;
  });
  throw new InvalidEnvironmentError(`Invalid environment variables: ${problems.join('; ')}`);
}
