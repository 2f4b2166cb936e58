import type { Redis } from 'ioredis';
import { TaonodeError, type ErrorKind } from '@taonode/errors';

/**
 * Where the validator's scores live, shared by validator-scorer (writes) and weight-setter (reads): one Redis hash
 * per subnet, `taonode:scores:<netuid>`, field = uid (decimal), value = `<hotkey> <score>` — the hotkey the score
 * was earned by, then the moving average as a decimal float. Keeping the hotkey beside the score lets both sides
 * tell a uid that changed hands (deregistered and taken by another hotkey) from the miner that earned the score:
 * the scorer restarts such a uid from zero atomically, the weight-setter ignores entries the metagraph contradicts.
 * Redis persists it with the rest (append-only in every deployment we start), so a restart loses no score.
 */
export const SCORE_KEY_PREFIX = 'taonode:scores:';

/** The score hash of one subnet. */
export function scoreKey(netuid: number): string {
  return `${SCORE_KEY_PREFIX}${netuid}`;
}

/** One uid's moving average and the hotkey that earned it. */
export interface ScoreEntry {
  readonly uid: number;
  readonly hotkey: string;
  readonly score: number;
}

/** One observation of a round: the reward a uid's hotkey earned, in [0, 1]. */
export interface RewardObservation {
  readonly uid: number;
  readonly hotkey: string;
  readonly reward: number;
}

/**
 * Applies a round's rewards in one atomic step: for each uid, `score = alpha·reward + (1 − alpha)·previous`, where
 * `previous` is 0 when the stored hotkey differs (the uid changed hands) or nothing is stored. One script, so two
 * scorers (a mis-scaled deploy) or a crash mid-round never leave half a round applied.
 */
const APPLY_REWARDS_LUA = `
local alpha = tonumber(ARGV[1])
local i = 2
while i <= #ARGV do
  local uid, hotkey, reward = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local previous = 0
  local stored = redis.call('HGET', KEYS[1], uid)
  if stored then
    local sep = string.find(stored, ' ', 1, true)
    if sep and string.sub(stored, 1, sep - 1) == hotkey then
      previous = tonumber(string.sub(stored, sep + 1)) or 0
    end
  end
  local score = alpha * reward + (1 - alpha) * previous
  redis.call('HSET', KEYS[1], uid, hotkey .. ' ' .. string.format('%.17g', score))
  i = i + 3
end
return #ARGV
`;

/** A typed error for a score hash entry that is not `<hotkey> <score>` (written by something else). */
export class MalformedScoreEntryError extends TaonodeError {
  readonly code = 'TAONODE_QUEUE_MALFORMED_SCORE';
  readonly kind: ErrorKind = 'internal';

  constructor(
    readonly uid: string,
    readonly value: string,
  ) {
    super(`score entry for uid ${uid} is not "<hotkey> <score>": ${JSON.stringify(value.slice(0, 80))}`);
  }
}

function parseEntry(uid: string, value: string): ScoreEntry {
  const sep = value.indexOf(' ');
  const score = Number(value.slice(sep + 1));
  if (sep <= 0 || !/^\d+$/.test(uid) || !Number.isFinite(score)) {
    throw new MalformedScoreEntryError(uid, value);
  }
  return { uid: Number(uid), hotkey: value.slice(0, sep), score };
}

/** Reads and writes the score hash of {@link scoreKey}. Owns no connection. */
export class ScoreStore {
  constructor(private readonly redis: Redis) {}

  /** Applies one round's rewards atomically (see {@link APPLY_REWARDS_LUA}); `alpha` in (0, 1]. */
  async applyRewards(netuid: number, alpha: number, rewards: readonly RewardObservation[]): Promise<void> {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new RangeError(`moving-average alpha ${alpha} is outside (0, 1]`);
    }
    if (rewards.length === 0) {
      return;
    }
    const args: string[] = [String(alpha)];
    for (const { uid, hotkey, reward } of rewards) {
      if (!Number.isInteger(uid) || uid < 0 || hotkey.includes(' ') || !(reward >= 0 && reward <= 1)) {
        throw new RangeError(`reward for uid ${uid} (${hotkey}) must be in [0, 1], got ${reward}`);
      }
      args.push(String(uid), hotkey, String(reward));
    }
    await this.redis.eval(APPLY_REWARDS_LUA, 1, scoreKey(netuid), ...args);
  }

  /** Every stored entry of the subnet, by uid. */
  async read(netuid: number): Promise<ScoreEntry[]> {
    const raw = await this.redis.hgetall(scoreKey(netuid));
    return Object.entries(raw)
      .map(([uid, value]) => parseEntry(uid, value))
      .sort((a, b) => a.uid - b.uid);
  }
}
