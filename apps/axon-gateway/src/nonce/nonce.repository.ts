import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  authenticateRequest,
  type AuthenticationHeaders,
  DEFAULT_NONCE_POLICY,
  evaluateNonce,
  nonceEndpointKey,
  nonceEntryTtlNs,
} from '@taonode/protocol';
import { PRODUCER_REDIS } from '../inference/redis.providers';
import type { RateLimit } from '../limits/ip-rate-limiter';
import { RateLimitedError } from '../limits/rate-limited.error';

/**
 * One round trip for the verified request's two shared checks, atomic in Redis so every gateway replica shares
 * one state:
 *
 * 1. When KEYS[2] is given, the caller IP's token bucket shared by the replicas (ARGV[4] tokens per second, ARGV[5]
 *    burst; Redis' own clock, so replicas on machines with skewed clocks agree). Empty → 'rate', nothing else
 *    changes. The bucket expires once it would be full again (a full bucket is the same as none).
 * 2. Compare-and-set of the last nonce per `hotkey:uuid` (KEYS[1]). Nonces are decimal strings: they exceed 2^53,
 *    and Lua numbers are doubles, so they are compared by length then lexicographically (both are canonical,
 *    without leading zeros). ARGV: nonce, ttl ms, first-contact freshness ok (1/0).
 *
 * Returns 'ok', 'rate', 'old' (no entry and too old for first contact) or the stored nonce it does not exceed.
 */
const CHECK_RATE_AND_NONCE = `
if #KEYS > 1 then
  local clock = redis.call('TIME')
  local nowMs = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
  local perSecond = tonumber(ARGV[4])
  local burst = tonumber(ARGV[5])
  local bucket = redis.call('HMGET', KEYS[2], 'tokens', 'at')
  local tokens = burst
  if bucket[1] then
    tokens = math.min(burst, tonumber(bucket[1]) + math.max(0, nowMs - tonumber(bucket[2])) * perSecond / 1000)
  end
  if tokens < 1 then
    return 'rate'
  end
  redis.call('HSET', KEYS[2], 'tokens', tostring(tokens - 1), 'at', tostring(nowMs))
  redis.call('PEXPIRE', KEYS[2], math.ceil(burst * 1000 / perSecond) + 1000)
end
local stored = redis.call('GET', KEYS[1])
local nonce = ARGV[1]
if stored then
  if #nonce < #stored or (#nonce == #stored and nonce <= stored) then
    return stored
  end
elseif ARGV[3] ~= '1' then
  return 'old'
end
redis.call('SET', KEYS[1], nonce, 'PX', ARGV[2])
return 'ok'
`;

const NONCE_KEY_PREFIX = 'taonode:axon:nonce:';
const RATE_KEY_PREFIX = 'taonode:axon:rate:';

/** The script as an ioredis command: EVALSHA (the script is sent once per connection, not with every request). */
interface AdmissionCommands {
  taonodeCheckRateAndNonce(numberOfKeys: number, ...keysAndArgs: string[]): Promise<string>;
}

/** The shared rate limit of one request: the caller's IP and the deployment's bucket. */
export interface SharedRateCheck {
  readonly ip: string;
  readonly limit: RateLimit;
}

/**
 * The nonce store (protocol.md "deliberately differ" #5): SDK semantics (strictly increasing per endpoint key,
 * first contact newer than now − 4 s − timeout) with entries that expire once a replay of their nonce would fail
 * the freshness check anyway, so the store is bounded by the request rate of the last minute. The per-IP rate
 * limit shared by the replicas rides on the same script, so a verified request costs one Redis round trip.
 */
@Injectable()
export class NonceRepository {
  private readonly commands: AdmissionCommands;

  constructor(@Inject(PRODUCER_REDIS) redis: Redis) {
    // numberOfKeys is passed per call: one key without a shared rate limit, two with it.
    redis.defineCommand('taonodeCheckRateAndNonce', { lua: CHECK_RATE_AND_NONCE });
    this.commands = redis as unknown as AdmissionCommands;
  }

  /**
   * Takes a token from the IP's shared bucket (when `rate` is given; empty → {@link RateLimitedError}), then
   * accepts and records the request's nonce, or throws `NotVerifiedError` (401) with the SDK's message.
   */
  async checkAndRecord(headers: AuthenticationHeaders, nowNs: bigint, rate?: SharedRateCheck): Promise<void> {
    const { hotkey, uuid, nonce } = headers.dendrite;
    // The protocol lib's nonce rules throw the SDK's errors; with the signature set aside they check nothing else
    // (the signature was verified before this step).
    const unsigned: AuthenticationHeaders = { ...headers, dendrite: { ...headers.dendrite, signature: null } };
    const refuse = (lastNonce: bigint | null): never => {
      authenticateRequest(unsigned, { ownHotkey: '', nowNs, lastNonce, requireSignature: false });
      throw new Error('nonce refused by the store but accepted by the policy');
    };
    if (nonce === null) {
      return refuse(null);
    }
    const firstContact = evaluateNonce({ nonce, nowNs, timeoutSeconds: headers.timeout, lastNonce: null });
    if (!firstContact.accepted && firstContact.reason === 'in-future') {
      return refuse(null);
    }
    const ttlMs = nonceEntryTtlNs(nonce, nowNs, DEFAULT_NONCE_POLICY) / 1_000_000n + 1n;
    const nonceKey = NONCE_KEY_PREFIX + nonceEndpointKey(hotkey, uuid);
    const args = [nonce.toString(), ttlMs.toString(), firstContact.accepted ? '1' : '0'];
    const outcome =
      rate === undefined
        ? await this.commands.taonodeCheckRateAndNonce(1, nonceKey, ...args)
        : await this.commands.taonodeCheckRateAndNonce(
            2,
            nonceKey,
            RATE_KEY_PREFIX + rate.ip,
            ...args,
            String(rate.limit.perSecond),
            String(rate.limit.burst),
          );
    if (outcome === 'rate') {
      throw new RateLimitedError();
    }
    if (outcome !== 'ok') {
      refuse(outcome === 'old' ? null : BigInt(outcome));
    }
  }
}
