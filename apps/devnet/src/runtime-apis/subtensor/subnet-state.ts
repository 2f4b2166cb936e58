import type { Storage } from '../../state/storage';
import { readBig, subnetNetuids } from './chain-reads';
import { buildMetagraph } from './metagraph';

/**
 * `get_subnet_state(netuid)`: the metagraph's per-uid vectors plus `emission_history`, one row per subnet of
 * `LastHotkeyEmissionOnNetuid(hotkey, subnet)` for this subnet's hotkeys (never written by the devnet: zeros).
 */
export function buildSubnetState(storage: Storage, netuid: number): Record<string, unknown> | null {
  const metagraph = buildMetagraph(storage, netuid);
  if (metagraph === null) {
    return null;
  }
  const hotkeys = metagraph.hotkeys as string[];
  return {
    netuid,
    hotkeys,
    coldkeys: metagraph.coldkeys,
    active: metagraph.active,
    validatorPermit: metagraph.validatorPermit,
    pruningScore: metagraph.pruningScore,
    lastUpdate: metagraph.lastUpdate,
    emission: metagraph.emission,
    dividends: metagraph.dividends,
    incentives: metagraph.incentives,
    consensus: metagraph.consensus,
    trust: metagraph.trust,
    rank: metagraph.rank,
    blockAtRegistration: metagraph.blockAtRegistration,
    alphaStake: metagraph.alphaStake,
    taoStake: metagraph.taoStake,
    totalStake: metagraph.totalStake,
    emissionHistory: subnetNetuids(storage).map((subnet) =>
      hotkeys.map((hotkey) => readBig(storage, 'lastHotkeyEmissionOnNetuid', hotkey, subnet)),
    ),
  };
}
