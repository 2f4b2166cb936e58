import type { SubtensorGenesis } from '../genesis';
import type { DevAccounts } from './subtensor-test-chain';

export const TAO = 1_000_000_000n;

/** Subnet 1 owned by Alice (hotkey //Alice//owner) with the dev hyperparameters, plus any overrides. */
export function devGenesis(
  accounts: DevAccounts,
  hyperparameters: NonNullable<SubtensorGenesis['subnets'][number]['hyperparameters']> = {},
): SubtensorGenesis {
  return {
    subnets: [
      {
        netuid: 1,
        ownerColdkey: accounts.address('alice'),
        ownerHotkey: accounts.address('alice/owner'),
        hyperparameters,
      },
    ],
  };
}
