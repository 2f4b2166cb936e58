import type { bool } from '@polkadot/types';
import type { INumber } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { readVec, write } from './subtensor-storage';

/** Per-subnet vectors indexed by uid whose elements are u16 scores (65535 = 1.0). */
export type U16UidVector =
  'rank' | 'trust' | 'consensus' | 'incentive' | 'dividends' | 'pruningScores' | 'validatorTrust' | 'stakeWeight';
/** Per-subnet vectors indexed by uid whose elements are u64 (emission in alpha rao, last update block). */
export type U64UidVector = 'emission' | 'lastUpdate';
export type BoolUidVector = 'active' | 'validatorPermit';
export type UidVector = U16UidVector | U64UidVector | BoolUidVector;

export function readU16Vector(storage: Storage, item: U16UidVector, netuid: number): number[] {
  return readVec<INumber>(storage, item, netuid).map((value) => value.toNumber());
}

export function readU64Vector(storage: Storage, item: U64UidVector, netuid: number): bigint[] {
  return readVec<INumber>(storage, item, netuid).map((value) => value.toBigInt());
}

export function readBoolVector(storage: Storage, item: BoolUidVector, netuid: number): boolean[] {
  return readVec<bool>(storage, item, netuid).map((value) => value.isTrue);
}

/** The element at `uid`, or the zero value when the vector is shorter (the runtime's `get(uid).unwrap_or(0)`). */
export function u16At(storage: Storage, item: U16UidVector, netuid: number, uid: number): number {
  return readU16Vector(storage, item, netuid)[uid] ?? 0;
}

export function u64At(storage: Storage, item: U64UidVector, netuid: number, uid: number): bigint {
  return readU64Vector(storage, item, netuid)[uid] ?? 0n;
}

export function boolAt(storage: Storage, item: BoolUidVector, netuid: number, uid: number): boolean {
  return readBoolVector(storage, item, netuid)[uid] ?? false;
}

/** Reads any uid vector as plain values (numbers for u16, bigints for u64, booleans). */
export function readUidVector(storage: Storage, item: UidVector, netuid: number): (number | bigint | boolean)[] {
  switch (item) {
    case 'emission':
    case 'lastUpdate':
      return readU64Vector(storage, item, netuid);
    case 'active':
    case 'validatorPermit':
      return readBoolVector(storage, item, netuid);
    case 'rank':
    case 'trust':
    case 'consensus':
    case 'incentive':
    case 'dividends':
    case 'pruningScores':
    case 'validatorTrust':
    case 'stakeWeight':
      return readU16Vector(storage, item, netuid);
  }
}

/** Replaces the element at `uid` when it exists; a shorter vector is left as is (the runtime's `set_element_at`). */
export function setAt(
  storage: Storage,
  item: UidVector,
  netuid: number,
  uid: number,
  value: number | bigint | boolean,
): void {
  const current = readUidVector(storage, item, netuid);
  if (uid >= current.length) {
    return;
  }
  current[uid] = value;
  write(storage, item, [netuid], current);
}

export function pushTo(storage: Storage, item: UidVector, netuid: number, value: number | bigint | boolean): void {
  write(storage, item, [netuid], [...readUidVector(storage, item, netuid), value]);
}
