import type { AccountId32 } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import type { Storage } from '../../../state/storage';
import { has, readAccount, readVec, SUBTENSOR, write } from './subtensor-storage';

/** `hotkey_account_exists`: a hotkey exists once `Owner` records its coldkey. */
export function hotkeyExists(storage: Storage, hotkey: string): boolean {
  return has(storage, 'owner', hotkey);
}

export function ownerOf(storage: Storage, hotkey: string): string {
  return readAccount(storage, 'owner', hotkey);
}

export function coldkeyOwnsHotkey(storage: Storage, coldkey: string, hotkey: string): boolean {
  return hotkeyExists(storage, hotkey) && ownerOf(storage, hotkey) === coldkey;
}

/**
 * `create_account_if_non_existent`: the first coldkey to use a hotkey becomes its owner (`Owner`,
 * `OwnedHotkeys`, `StakingHotkeys`, and the legacy zero `Stake` entry the runtime still writes).
 */
export function createHotkeyAccountIfMissing(storage: Storage, coldkey: string, hotkey: string): void {
  if (hotkeyExists(storage, hotkey)) {
    return;
  }
  write(storage, 'stake', [hotkey, coldkey], 0);
  write(storage, 'owner', [hotkey], coldkey);
  appendUnique(storage, 'ownedHotkeys', coldkey, hotkey);
  appendUnique(storage, 'stakingHotkeys', coldkey, hotkey);
}

export function appendUnique(
  storage: Storage,
  item: 'ownedHotkeys' | 'stakingHotkeys',
  coldkey: string,
  hotkey: string,
): void {
  // Compare public keys as hex: rendering every stored AccountId as ss58 costs a blake2 checksum each.
  const hotkeys = readVec<AccountId32>(storage, item, coldkey).map((account) => account.toHex());
  const key = u8aToHex(decodeAddress(hotkey));
  if (!hotkeys.includes(key)) {
    storage.set(SUBTENSOR, item, [coldkey], [...hotkeys, key]);
  }
}

/** `is_hotkey_registered_on_any_network`. */
export function isRegisteredOnAnyNetwork(storage: Storage, hotkey: string): boolean {
  return storage.entries(SUBTENSOR, 'isNetworkMember', hotkey).some((entry) => entry.value.toJSON() === true);
}
