import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `LOG_LEVEL` and `NODE_ENV`; logs are pretty-printed only in development and test (JSON in containers). */
export const logEnv = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
});

export interface LogConfig {
  readonly level: LogLevel;
  readonly pretty: boolean;
}

export function logConfig(env: z.output<typeof logEnv>): LogConfig {
  return { level: env.LOG_LEVEL, pretty: env.NODE_ENV !== 'production' };
}
