import type { Redis } from 'ioredis';
import type { PendingReveal, WeightsSubmissionIntent } from '@taonode/chain';

/** Format version of the JSON stored here; a value of another version is refused, not guessed at. */
const LEDGER_VERSION = 1;

/** Keys of one (netuid, hotkey); the hash tag keeps them in one Redis Cluster slot. */
export function ledgerKeys(netuid: number, hotkey: string): { intent: string; reveals: string } {
  const base = `taonode:weight-setter:{${netuid}:${hotkey}}`;
  return { intent: `${base}:intent`, reveals: `${base}:reveals` };
}

/** A value in the ledger that is not what this version wrote. */
export class MalformedLedgerEntryError extends Error {
  override readonly name = 'MalformedLedgerEntryError';
}

function encode(value: object): string {
  return JSON.stringify({ v: LEDGER_VERSION, ...value }, (_key, item: unknown) =>
    typeof item === 'bigint' ? `${item}n` : item,
  );
}

function decode<T>(text: string): T {
  const parsed = JSON.parse(text, (_key, item: unknown) =>
    typeof item === 'string' && /^\d+n$/.test(item) ? BigInt(item.slice(0, -1)) : item,
  ) as { v?: unknown } & T;
  if (parsed.v !== LEDGER_VERSION) {
    throw new MalformedLedgerEntryError(`ledger entry of version ${String(parsed.v)}, expected ${LEDGER_VERSION}`);
  }
  return parsed;
}

/**
 * What must survive a restart of the weight-setter, in Redis (append-only persisted): the intent of the
 * submission in flight (written before submitting, so a crash after submitting and before recording is
 * reconciled against the chain instead of submitted twice), and every hash commit waiting for its reveal (salt
 * included — without it the commit can never be revealed).
 */
export class WeightsLedgerRepository {
  private readonly keys: { intent: string; reveals: string };

  constructor(
    private readonly redis: Redis,
    netuid: number,
    hotkey: string,
  ) {
    this.keys = ledgerKeys(netuid, hotkey);
  }

  async saveIntent(intent: WeightsSubmissionIntent): Promise<void> {
    await this.redis.set(this.keys.intent, encode(intent));
  }

  async readIntent(): Promise<WeightsSubmissionIntent | null> {
    const text = await this.redis.get(this.keys.intent);
    return text === null ? null : decode<WeightsSubmissionIntent>(text);
  }

  async clearIntent(): Promise<void> {
    await this.redis.del(this.keys.intent);
  }

  /** Records a commit that landed and clears the intent that led to it, atomically. */
  async commitLanded(reveal: PendingReveal): Promise<void> {
    await this.redis.multi().hset(this.keys.reveals, reveal.commitHash, encode(reveal)).del(this.keys.intent).exec();
  }

  async pendingReveals(): Promise<PendingReveal[]> {
    const entries = await this.redis.hgetall(this.keys.reveals);
    return Object.values(entries)
      .map((text) => decode<PendingReveal>(text))
      .sort((a, b) => (a.commitBlock ?? 0) - (b.commitBlock ?? 0));
  }

  async removeReveal(commitHash: string): Promise<void> {
    await this.redis.hdel(this.keys.reveals, commitHash);
  }
}
