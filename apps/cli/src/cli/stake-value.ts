import {
  readBalance,
  readColdkeyStakes,
  readSubnets,
  type AccountBalance,
  type ChainClient,
  type StakeEntry,
  type SubnetSummary,
} from '@taonode/chain';

const RAO_PER_TAO = 1_000_000_000;

/**
 * What stake is worth in TAO at the pools' current prices (`SubnetTAO / SubnetAlphaIn`; 1 on the root subnet),
 * as btcli's "Staked Value". Rounded down to whole rao.
 */
export function stakeValueRao(stakes: readonly StakeEntry[], subnets: readonly SubnetSummary[]): bigint {
  const prices = new Map(subnets.map((subnet) => [subnet.netuid, subnet.price]));
  return stakes.reduce((total, stake) => {
    const price = stake.netuid === 0 ? 1 : (prices.get(stake.netuid) ?? 0);
    return total + BigInt(Math.floor(Number(stake.stakeRao) * price));
  }, 0n);
}

/** A coldkey's free balance, its stakes, and what they are worth in TAO now (`wallet balance`, `wallet overview`). */
export interface ColdkeyHoldings {
  readonly balance: AccountBalance;
  readonly stakes: StakeEntry[];
  readonly stakedRao: bigint;
}

export async function readColdkeyHoldings(client: ChainClient, coldkey: string): Promise<ColdkeyHoldings> {
  const [balance, stakes, subnets] = await Promise.all([
    readBalance(client, coldkey),
    readColdkeyStakes(client, coldkey),
    readSubnets(client),
  ]);
  return { balance, stakes, stakedRao: stakeValueRao(stakes, subnets) };
}

export { RAO_PER_TAO };
