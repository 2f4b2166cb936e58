import { z } from 'zod';

/** `REDIS_URL`: where Redis is (a private `redis-server` started by `npm start` when unset there). */
export const redisEnv = z.object({
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
});

export interface RedisConfig {
  readonly url: string;
}

export function redisConfig(env: z.output<typeof redisEnv>): RedisConfig {
  return { url: env.REDIS_URL };
}
