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
