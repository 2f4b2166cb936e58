import type { Storage } from '../../../state/storage';
import { ownerOf } from '../state/hotkey-accounts';
import { has, isDeclared, readAccount, readBig, readNum, remove, write } from '../state/subtensor-storage';
import { pushTo, readU16Vector, setAt, UidVector } from '../state/uid-vectors';

/** The vectors a new uid extends, with the value it starts at (`append_neuron`); `LastUpdate` starts at the block. */
const APPENDED_VECTORS: readonly (readonly [UidVector, number | boolean])[] = [
  ['rank', 0],
  ['trust', 0],
  ['active', true],
  ['emission', 0],
  ['consensus', 0],
  ['incentive', 0],
  ['dividends', 0],
  ['pruningScores', 0],
  ['validatorTrust', 0],
  ['validatorPermit', false],
];

/** Scores a replaced uid starts from (`clear_neuron`). */
const CLEARED_VECTORS: readonly UidVector[] = ['emission', 'trust', 'consensus', 'incentive', 'dividends'];

/**
 * `register_neuron`: appends a uid while the subnet has room, otherwise replaces the uid `neuronToPrune`
 * picks. Returns the uid the hotkey now holds.
 */
export function registerNeuron(storage: Storage, netuid: number, hotkey: string, block: number): number {
  const n = readNum(storage, 'subnetworkN', netuid);
  if (n < readNum(storage, 'maxAllowedUids', netuid)) {
    appendNeuron(storage, netuid, hotkey, block);
    return n;
  }
  const uid = neuronToPrune(storage, netuid, block);
  replaceNeuron(storage, netuid, uid, hotkey, block);
  return uid;
}

export function appendNeuron(storage: Storage, netuid: number, hotkey: string, block: number): void {
  const uid = readNum(storage, 'subnetworkN', netuid);
  write(storage, 'subnetworkN', [netuid], uid + 1);
  for (const [item, initial] of APPENDED_VECTORS) {
    pushTo(storage, item, netuid, initial);
  }
  pushTo(storage, 'lastUpdate', netuid, BigInt(block));
  for (const index of otherMechanismIndices(storage, netuid)) {
    pushTo(storage, 'incentive', index, 0);
    pushTo(storage, 'lastUpdate', index, BigInt(block));
  }
  bindHotkeyToUid(storage, netuid, uid, hotkey, block);
}

/** `NetUidStorageIndex = mecid × 4096 + netuid`: where mechanism `mecid`'s per-uid vectors live (spec 424). */
const MECHANISM_INDEX_STRIDE = 4096;

/**
 * The storage indices of the subnet's mechanisms other than 0 (`MechanismCountCurrent`, spec 424): a new or
 * replaced uid's `LastUpdate` is the registration block on every mechanism. None on 233.
 */
function otherMechanismIndices(storage: Storage, netuid: number): number[] {
  const count = isDeclared(storage, 'mechanismCountCurrent') ? readNum(storage, 'mechanismCountCurrent', netuid) : 1;
  return Array.from({ length: Math.max(0, count - 1) }, (_, m) => (m + 1) * MECHANISM_INDEX_STRIDE + netuid);
}

/**
 * `replace_neuron`. As on chain, a uid whose hotkey belongs to the subnet owner is never replaced, even
 * though `register_neuron` still reports that uid to the caller.
 */
export function replaceNeuron(storage: Storage, netuid: number, uid: number, hotkey: string, block: number): void {
  const oldHotkey = readAccount(storage, 'keys', netuid, uid);
  if (readAccount(storage, 'subnetOwner', netuid) === ownerOf(storage, oldHotkey)) {
    return;
  }
  remove(storage, 'uids', netuid, oldHotkey);
  remove(storage, 'isNetworkMember', oldHotkey, netuid);
  remove(storage, 'keys', netuid, uid);
  setAt(storage, 'active', netuid, uid, true);
  bindHotkeyToUid(storage, netuid, uid, hotkey, block);
  remove(storage, 'neuronCertificates', netuid, oldHotkey);
  for (const item of CLEARED_VECTORS) {
    setAt(storage, item, netuid, uid, 0);
  }
  if (isDeclared(storage, 'mechanismCountCurrent')) {
    for (const index of [netuid, ...otherMechanismIndices(storage, netuid)]) {
      setAt(storage, 'lastUpdate', index, uid, BigInt(block));
    }
  }
  remove(storage, 'axons', netuid, oldHotkey);
}

function bindHotkeyToUid(storage: Storage, netuid: number, uid: number, hotkey: string, block: number): void {
  write(storage, 'keys', [netuid, uid], hotkey);
  write(storage, 'uids', [netuid, hotkey], uid);
  write(storage, 'blockAtRegistration', [netuid, uid], block);
  write(storage, 'isNetworkMember', [hotkey, netuid], true);
}

/** `get_neuron_is_immune`: registered less than `ImmunityPeriod` blocks ago. */
export function isImmune(storage: Storage, netuid: number, uid: number, block: number): boolean {
  const registeredAt = readBig(storage, 'blockAtRegistration', netuid, uid);
  return BigInt(block) - registeredAt < BigInt(readNum(storage, 'immunityPeriod', netuid));
}

/**
 * `get_neuron_to_prune`: the lowest pruning score among non-immune uids (earliest registration breaks ties),
 * falling back to the immune uids when every uid is immune; uids owned by the subnet owner are skipped.
 * The chosen uid's pruning score is raised to u16::MAX.
 */
export function neuronToPrune(storage: Storage, netuid: number, block: number): number {
  const n = readNum(storage, 'subnetworkN', netuid);
  if (n === 0) {
    return 0;
  }
  const owner = readAccount(storage, 'subnetOwner', netuid);
  const scores = readU16Vector(storage, 'pruningScores', netuid);
  const best = { immune: candidate(), mortal: candidate() };
  for (let uid = 0; uid < n; uid += 1) {
    if (has(storage, 'keys', netuid, uid) && ownerOf(storage, readAccount(storage, 'keys', netuid, uid)) === owner) {
      continue;
    }
    const score = scores[uid] ?? 65535;
    const registeredAt = readBig(storage, 'blockAtRegistration', netuid, uid);
    const slot = isImmune(storage, netuid, uid, block) ? best.immune : best.mortal;
    slot.found = true;
    if (score < slot.score || (score === slot.score && registeredAt < slot.registeredAt)) {
      slot.score = score;
      slot.registeredAt = registeredAt;
      slot.uid = uid;
    }
  }
  const chosen = best.mortal.found ? best.mortal.uid : best.immune.uid;
  setAt(storage, 'pruningScores', netuid, chosen, 65535);
  return chosen;
}

function candidate(): { found: boolean; score: number; registeredAt: bigint; uid: number } {
  return { found: false, score: 65535, registeredAt: (1n << 64n) - 1n, uid: 0 };
}
