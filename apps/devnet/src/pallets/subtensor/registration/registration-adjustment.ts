import type { INumber } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { readBig, readNum, SUBTENSOR, write } from '../state/subtensor-storage';
import { decayBurns, hasDecayingBurn } from './burn-price';

type EventSink = (pallet: string, event: string, fields: readonly unknown[]) => void;

const U64_MAX = Number((1n << 64n) - 1n);

/**
 * `adjust_registration_terms_for_networks`, run at the start of every block: every `AdjustmentInterval`
 * blocks each subnet moves `Burn` and/or `Difficulty` toward the registration target (the six cases of the
 * runtime: too many registrations raise the price of whichever path was used most, too few lower it) and
 * resets its interval counters; `RegistrationsThisBlock` is reset every block. Spec 424 replaced the interval
 * adjustment with a per-block decay of the burn (burn-price.ts).
 */
export function adjustRegistrationTerms(storage: Storage, deposit: EventSink, block: number): void {
  if (hasDecayingBurn(storage)) {
    const subnets = storage.entries(SUBTENSOR, 'networksAdded').map((entry) => (entry.args[0] as INumber).toNumber());
    decayBurns(storage, subnets);
    for (const netuid of subnets) {
      write(storage, 'registrationsThisBlock', [netuid], 0);
    }
    return;
  }
  for (const entry of storage.entries(SUBTENSOR, 'networksAdded')) {
    const netuid = (entry.args[0] as INumber).toNumber();
    const lastAdjustment = readBig(storage, 'lastAdjustmentBlock', netuid);
    if (BigInt(block) - lastAdjustment >= BigInt(readNum(storage, 'adjustmentInterval', netuid))) {
      adjustSubnet(storage, deposit, netuid);
      write(storage, 'lastAdjustmentBlock', [netuid], block);
      write(storage, 'registrationsThisInterval', [netuid], 0);
      write(storage, 'powRegistrationsThisInterval', [netuid], 0);
      write(storage, 'burnRegistrationsThisInterval', [netuid], 0);
    }
    write(storage, 'registrationsThisBlock', [netuid], 0);
  }
}

function adjustSubnet(storage: Storage, deposit: EventSink, netuid: number): void {
  const registrations = readNum(storage, 'registrationsThisInterval', netuid);
  const pow = readNum(storage, 'powRegistrationsThisInterval', netuid);
  const burned = readNum(storage, 'burnRegistrationsThisInterval', netuid);
  const target = readNum(storage, 'targetRegistrationsPerInterval', netuid);
  const tooMany = registrations > target;
  // Too many: raise the price of the path used most (both when tied). Too few: lower the price of the path
  // used least — the runtime lowers the burn when PoW dominated and the difficulty when burns dominated.
  const adjustBurn = tooMany ? pow <= burned : pow >= burned;
  const adjustDifficulty = tooMany ? pow >= burned : pow <= burned;
  if (adjustBurn) {
    const next = upgraded(
      storage,
      netuid,
      readBig(storage, 'burn', netuid),
      registrations,
      target,
      'minBurn',
      'maxBurn',
    );
    write(storage, 'burn', [netuid], next);
  }
  if (adjustDifficulty) {
    const current = readBig(storage, 'difficulty', netuid);
    const next = upgraded(storage, netuid, current, registrations, target, 'minDifficulty', 'maxDifficulty');
    write(storage, 'difficulty', [netuid], next);
    deposit('subtensorModule', 'DifficultySet', [netuid, next]);
  }
}

/**
 * `upgraded_burn` / `upgraded_difficulty`: `current × (regs + target) / (2 × target)`, smoothed by
 * `AdjustmentAlpha / u64::MAX` toward the current value and clamped to the subnet's bounds.
 */
function upgraded(
  storage: Storage,
  netuid: number,
  current: bigint,
  registrations: number,
  target: number,
  minItem: 'minBurn' | 'minDifficulty',
  maxItem: 'maxBurn' | 'maxDifficulty',
): bigint {
  const updated = target === 0 ? 0 : (Number(current) * (registrations + target)) / (2 * target);
  const alpha = Number(readBig(storage, 'adjustmentAlpha', netuid)) / U64_MAX;
  const next = alpha * Number(current) + (1 - alpha) * updated;
  const max = readBig(storage, maxItem, netuid);
  const min = readBig(storage, minItem, netuid);
  if (next >= Number(max)) {
    return max;
  }
  if (next <= Number(min)) {
    return min;
  }
  return BigInt(Math.floor(next));
}
