import type { GenesisNeuron, GenesisSubnet, SubtensorGenesis } from '../genesis';
import type { DevAccounts } from './subtensor-test-chain';

export const TAO = 1_000_000_000n;

/** What a spec adds to the dev subnet: its neurons, the owner's stake, the pool reserve. */
type DevSubnetExtras = Omit<GenesisSubnet, 'netuid' | 'ownerColdkey' | 'ownerHotkey' | 'hyperparameters'>;

/** Subnet 1 owned by Alice (hotkey //Alice//owner) with the dev hyperparameters, plus any overrides and extras. */
export function devGenesis(
  accounts: DevAccounts,
  hyperparameters: NonNullable<GenesisSubnet['hyperparameters']> = {},
  extras: DevSubnetExtras = {},
): SubtensorGenesis {
  return {
    subnets: [
      {
        netuid: 1,
        ownerColdkey: accounts.address('alice'),
        ownerHotkey: accounts.address('alice/owner'),
        hyperparameters,
        ...extras,
      },
    ],
  };
}

/** Hotkeys `bob/hot1` … `bob/hot<count>` of Bob's coldkey as genesis neurons (uids 1 … count after the owner). */
export function bobMiners(accounts: DevAccounts, count: number): GenesisNeuron[] {
  return Array.from({ length: count }, (_, index) => ({
    hotkey: accounts.address(`bob/hot${index + 1}`),
    coldkey: accounts.address('bob'),
  }));
}
