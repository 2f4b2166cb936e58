import type { Storage } from '../../../state/storage';
import { addBig, readBig, readNum } from './subtensor-storage';

/** `DefaultMinimumPoolLiquidity`: a swap that would leave less than this in a reserve is refused. */
export const MINIMUM_POOL_LIQUIDITY = 10_000_000n;
const DYNAMIC_MECHANISM = 1;

/**
 * The subnet's TAO/alpha pool: constant product (`SubnetTAO * SubnetAlphaIn`) for dynamic subnets
 * (mechanism 1), 1:1 for stable ones (mechanism 0, the root). Integer maths truncates, as the runtime's
 * `saturating_to_num` does.
 */
export function simulateTaoForAlpha(storage: Storage, netuid: number, tao: bigint): bigint | undefined {
  if (readNum(storage, 'subnetMechanism', netuid) !== DYNAMIC_MECHANISM) {
    return tao;
  }
  const taoReserve = readBig(storage, 'subnetTAO', netuid);
  const alphaReserve = readBig(storage, 'subnetAlphaIn', netuid);
  const newTaoReserve = taoReserve + tao;
  if (newTaoReserve === 0n) {
    return undefined;
  }
  // Compare k / new_tao_reserve >= minimum without losing the fraction: k >= minimum * new_tao_reserve.
  const k = alphaReserve * taoReserve;
  if (k < MINIMUM_POOL_LIQUIDITY * newTaoReserve) {
    return undefined;
  }
  return alphaReserve - ceilDiv(k, newTaoReserve);
}

export function simulateAlphaForTao(storage: Storage, netuid: number, alpha: bigint): bigint | undefined {
  if (readNum(storage, 'subnetMechanism', netuid) !== DYNAMIC_MECHANISM) {
    return alpha;
  }
  const taoReserve = readBig(storage, 'subnetTAO', netuid);
  const alphaReserve = readBig(storage, 'subnetAlphaIn', netuid);
  const newAlphaReserve = alphaReserve + alpha;
  const k = alphaReserve * taoReserve;
  if (newAlphaReserve === 0n || k < MINIMUM_POOL_LIQUIDITY * newAlphaReserve) {
    return undefined;
  }
  return taoReserve - ceilDiv(k, newAlphaReserve);
}

/** `swap_tao_for_alpha`: moves `tao` into the pool and the alpha bought out of it; 0 when the pool is too thin. */
export function swapTaoForAlpha(storage: Storage, netuid: number, tao: bigint): bigint {
  const alpha = simulateTaoForAlpha(storage, netuid, tao);
  if (alpha === undefined) {
    return 0n;
  }
  addBig(storage, 'subnetAlphaIn', [netuid], -alpha);
  addBig(storage, 'subnetAlphaOut', [netuid], alpha);
  addBig(storage, 'subnetTAO', [netuid], tao);
  addBig(storage, 'totalStake', [], tao);
  addVolume(storage, netuid, tao);
  return alpha;
}

export function swapAlphaForTao(storage: Storage, netuid: number, alpha: bigint): bigint {
  const tao = simulateAlphaForTao(storage, netuid, alpha);
  if (tao === undefined) {
    return 0n;
  }
  addBig(storage, 'subnetAlphaIn', [netuid], alpha);
  addBig(storage, 'subnetAlphaOut', [netuid], -alpha);
  addBig(storage, 'subnetTAO', [netuid], -tao);
  addBig(storage, 'totalStake', [], -tao);
  addVolume(storage, netuid, tao);
  return tao;
}

/** Spot price in TAO per alpha (`get_alpha_price`): 1 on the root and stable subnets, 0 for an empty pool. */
export function alphaPrice(storage: Storage, netuid: number): number {
  if (netuid === 0 || readNum(storage, 'subnetMechanism', netuid) !== DYNAMIC_MECHANISM) {
    return 1;
  }
  const alphaIn = readBig(storage, 'subnetAlphaIn', netuid);
  if (alphaIn === 0n) {
    return 0;
  }
  return Number(readBig(storage, 'subnetTAO', netuid)) / Number(alphaIn);
}

function addVolume(storage: Storage, netuid: number, tao: bigint): void {
  storage.set('subtensorModule', 'subnetVolume', [netuid], readBig(storage, 'subnetVolume', netuid) + tao);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
