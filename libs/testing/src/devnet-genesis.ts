/**
 * Devnet genesis as the chain suites set it up: //Alice is sudo, funded, and owns every subnet (hotkey
 * //Alice//hot); neurons are registered at genesis, staked from //Alice's coldkey where a suite needs stake.
 */

/** //Alice's free balance: enough for every fee, burn and stake a suite pays. */
const ALICE_BALANCE_RAO = '1000000000000000';
/** A staked genesis neuron's alpha: 1,000 TAO, above any StakeThreshold a suite sets. */
const NEURON_STAKE_RAO = '1000000000000';

export interface GenesisNeuron {
  readonly hotkey: string;
  readonly coldkey: string;
  readonly stake?: string;
  readonly validatorPermit?: boolean;
}

export interface GenesisSubnet {
  readonly netuid: number;
  readonly hyperparameters?: Readonly<Record<string, unknown>>;
  readonly neurons?: readonly GenesisNeuron[];
}

export interface AliceGenesisOptions {
  /** Funded accounts besides //Alice: URI and free balance in rao. */
  readonly balances?: readonly (readonly [uri: string, rao: string])[];
  /** Chain-wide subtensor genesis values (`stakeThreshold`, …). */
  readonly chain?: Readonly<Record<string, unknown>>;
  /** The subnets, each owned by //Alice. */
  readonly subnets: readonly GenesisSubnet[];
}

/** A genesis object for {@link startDevnet} with //Alice as sudo, funded, and owner of every subnet. */
export function aliceOwnedGenesis(options: AliceGenesisOptions): object {
  return {
    sudo: '//Alice',
    balances: [['//Alice', ALICE_BALANCE_RAO], ...(options.balances ?? [])],
    subtensor: {
      ...options.chain,
      subnets: options.subnets.map((subnet) => ({ ...subnet, ownerColdkey: '//Alice', ownerHotkey: '//Alice//hot' })),
    },
  };
}

/** `hotkey` registered at genesis with //Alice's stake behind it (and a validator permit unless told otherwise). */
export function aliceStakedNeuron(hotkey: string, options: { readonly validatorPermit?: boolean } = {}): GenesisNeuron {
  return { hotkey, coldkey: '//Alice', stake: NEURON_STAKE_RAO, validatorPermit: options.validatorPermit ?? true };
}
