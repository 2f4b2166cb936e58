import { simulateAlphaForTao, simulateTaoForAlpha } from '../../pallets/subtensor/state/subnet-pool';
import type { Storage } from '../../state/storage';
import { readBig, readNum, subnetNetuids } from './chain-reads';

const RAO_PER_TAO = 1_000_000_000n;
const DYNAMIC_MECHANISM = 1;

/**
 * `SwapRuntimeApi::current_alpha_price(netuid)`: TAO per alpha scaled by 1e9, from the pool's reserves
 * (`SubnetTAO / SubnetAlphaIn`) on dynamic subnets, 1.0 on stable ones (the root) and on an empty pool.
 */
export function alphaPrice(storage: Storage, netuid: number): bigint {
  if (readNum(storage, 'subnetMechanism', netuid) !== DYNAMIC_MECHANISM) {
    return RAO_PER_TAO;
  }
  const alphaIn = readBig(storage, 'subnetAlphaIn', netuid);
  return alphaIn === 0n ? RAO_PER_TAO : (readBig(storage, 'subnetTAO', netuid) * RAO_PER_TAO) / alphaIn;
}

/** `current_alpha_price_all`: one `{ netuid, price }` per existing subnet, ascending. */
export function alphaPrices(storage: Storage): { netuid: number; price: bigint }[] {
  return subnetNetuids(storage).map((netuid) => ({ netuid, price: alphaPrice(storage, netuid) }));
}

/**
 * `sim_swap_tao_for_alpha` / `sim_swap_alpha_for_tao`: the constant-product quote of the devnet's pool (the same
 * the staking calls use), 0 out when the pool is too thin. Fees and slippage are 0: the devnet's swap has no fee
 * tiers or concentrated liquidity.
 */
export function simulateSwap(
  storage: Storage,
  netuid: number,
  amount: bigint,
  direction: 'taoForAlpha' | 'alphaForTao',
) {
  const out =
    direction === 'taoForAlpha'
      ? (simulateTaoForAlpha(storage, netuid, amount) ?? 0n)
      : (simulateAlphaForTao(storage, netuid, amount) ?? 0n);
  return {
    taoAmount: direction === 'taoForAlpha' ? amount : out,
    alphaAmount: direction === 'taoForAlpha' ? out : amount,
    taoFee: 0n,
    alphaFee: 0n,
    taoSlippage: 0n,
    alphaSlippage: 0n,
  };
}
