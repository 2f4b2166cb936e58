import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Renews only if we still own the lock (compare-and-expire). */
const RENEW_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

/** Releases only if we still own the lock (compare-and-delete). */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** The leader lock of one (netuid, hotkey): only its holder submits weights. */
export function leaderLockKey(netuid: number, hotkey: string): string {
  return `taonode:weight-setter:{${netuid}:${hotkey}}:leader`;
}

/**
 * A Redis lock with expiry: `SET NX PX` to take it, compare-and-expire to keep it, compare-and-delete to give it
 * back. An instance that dies stops renewing, and the lock expires after its TTL; a second instance waits until
 * then. Owns no connection.
 */
export class LeaderLockRepository {
  readonly token = randomUUID();

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lock if free (or already ours, renewing it). */
  async acquire(): Promise<boolean> {
    const taken = await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX');
    return taken === 'OK' || (await this.renew());
  }

  /** Extends our lock; false when it is no longer ours (expired and taken, or gone). */
  async renew(): Promise<boolean> {
    const renewed = await this.redis.eval(RENEW_LUA, 1, this.key, this.token, String(this.ttlMs));
    return renewed === 1;
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE_LUA, 1, this.key, this.token);
  }
}
