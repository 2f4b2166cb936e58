import type { Storage } from '../../../state/storage';
import { readAccount, readBig, readNum, has, U64_MAX } from './subtensor-storage';

export const ROOT_NETUID = 0;

export interface StakeWeight {
  /** Alpha the hotkey holds on the subnet (rao). */
  readonly alpha: bigint;
  /** TAO the hotkey holds on the root subnet (rao). */
  readonly tao: bigint;
  /** `alpha + tao * TaoWeight`, the stake consensus and the minimum-stake check use. */
  readonly total: bigint;
}

/**
 * `get_stake_weights_for_hotkey_on_subnet` without child keys: the devnet has no `set_children`, so a hotkey's
 * inherited stake is its own `TotalHotkeyAlpha`.
 */
export function stakeWeightOf(storage: Storage, hotkey: string, netuid: number): StakeWeight {
  const alpha = readBig(storage, 'totalHotkeyAlpha', hotkey, netuid);
  const tao = readBig(storage, 'totalHotkeyAlpha', hotkey, ROOT_NETUID);
  const taoWeight = readBig(storage, 'taoWeight');
  return { alpha, tao, total: alpha + (tao * taoWeight) / U64_MAX };
}

/** `get_stake_weights_for_network`: one entry per uid in `0..SubnetworkN`, zero where no key is set. */
export function stakeWeightsForNetwork(storage: Storage, netuid: number): StakeWeight[] {
  const n = readNum(storage, 'subnetworkN', netuid);
  const weights: StakeWeight[] = [];
  for (let uid = 0; uid < n; uid += 1) {
    weights.push(
      has(storage, 'keys', netuid, uid)
        ? stakeWeightOf(storage, readAccount(storage, 'keys', netuid, uid), netuid)
        : { alpha: 0n, tao: 0n, total: 0n },
    );
  }
  return weights;
}
