import type { CallerPolicy } from '../config';
import type { BlacklistReason } from '../metrics';
import type { CallerDirectory, CallerRecord } from './caller-directory';

/** Outcome of {@link checkBlacklist}: the caller's record (undefined for allow-listed unregistered keys) or why not. */
export type BlacklistDecision =
  | { readonly allowed: true; readonly caller: CallerRecord | undefined }
  | { readonly allowed: false; readonly reason: BlacklistReason; readonly message: string };

function refuse(reason: BlacklistReason, message: string): BlacklistDecision {
  return { allowed: false, reason, message };
}

/**
 * The blacklist, cheapest decision first: deny list, allow list, registered on the subnet, stake ≥ minimum,
 * validator permit when required. Runs on the header's hotkey claim before the signature check (protocol.md
 * "deliberately differ" #2: only *deny* decisions are taken this early; the priority is re-derived from the same
 * record once the signature proved the hotkey). `message` is the reason text of the SDK's 403.
 */
export function checkBlacklist(
  hotkey: string,
  directory: CallerDirectory | undefined,
  policy: CallerPolicy,
): BlacklistDecision {
  if (policy.deny.has(hotkey)) {
    return refuse('denied', 'Denied hotkey');
  }
  const caller = directory?.get(hotkey);
  if (policy.allow.has(hotkey)) {
    return { allowed: true, caller };
  }
  if (directory === undefined) {
    return refuse('no_metagraph', 'Metagraph not available');
  }
  if (caller === undefined) {
    return refuse('unregistered', 'Unrecognized hotkey');
  }
  if (caller.stakeRao < policy.minStakeRao) {
    return refuse('stake_below_minimum', 'Stake below minimum');
  }
  if (policy.requireValidatorPermit && !caller.validatorPermit) {
    return refuse('no_validator_permit', 'Non-validator hotkey');
  }
  return { allowed: true, caller };
}
