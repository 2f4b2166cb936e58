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

/**
 * Compare-and-set of the last nonce per `hotkey:uuid`, atomic in Redis so every gateway replica shares one
 * history. Nonces are decimal strings: they exceed 2^53, and Lua numbers are doubles, so they are compared by
 * length then lexicographically (both are canonical, without leading zeros).
 * ARGV: nonce, ttl ms, first-contact freshness ok (1/0). Returns 'ok', 'old' (no entry and too old for first
 * contact) or the stored nonce it does not exceed.
 */
const CHECK_AND_SET_NONCE = `
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

const KEY_PREFIX = 'taonode:axon:nonce:';

/** The script as an ioredis command: EVALSHA (the script is sent once per connection, not with every request). */
interface NonceCommands {
  taonodeCheckAndSetNonce(key: string, nonce: string, ttlMs: string, firstContactOk: string): Promise<string>;
}

/**
 * The nonce store (protocol.md "deliberately differ" #5): SDK semantics (strictly increasing per endpoint key,
 * first contact newer than now − 4 s − timeout) with entries that expire once a replay of their nonce would fail
 * the freshness check anyway, so the store is bounded by the request rate of the last minute.
 */
@Injectable()
export class NonceRepository {
  private readonly commands: NonceCommands;

  constructor(@Inject(PRODUCER_REDIS) redis: Redis) {
    redis.defineCommand('taonodeCheckAndSetNonce', { numberOfKeys: 1, lua: CHECK_AND_SET_NONCE });
    this.commands = redis as unknown as NonceCommands;
  }

  /** Accepts and records the request's nonce, or throws `NotVerifiedError` (401) with the SDK's message. */
  async checkAndRecord(headers: AuthenticationHeaders, nowNs: bigint): Promise<void> {
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
    const outcome = await this.commands.taonodeCheckAndSetNonce(
      KEY_PREFIX + nonceEndpointKey(hotkey, uuid),
      nonce.toString(),
      ttlMs.toString(),
      firstContact.accepted ? '1' : '0',
    );
    if (outcome !== 'ok') {
      refuse(outcome === 'old' ? null : BigInt(outcome));
    }
  }
}
