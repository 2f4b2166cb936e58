import type { PalletModule } from '../../runtime/dispatch-context';
import type { DevnetBeacon } from './devnet-beacon';
import { writeDuePulses } from './drand-pulses';

/**
 * `pallet_drand` (index 26) with the devnet's own beacon: no calls are simulated (`write_pulse`,
 * `set_beacon_config`, `set_oldest_stored_round` are refused at submission); pulses are written by the block
 * itself (`writeDuePulses`). Put it before SubtensorModule so a block's reveals see the pulses of its own slot.
 */
export function createDrandPallet(beacon: DevnetBeacon, slotDurationMs: bigint): PalletModule {
  return {
    name: 'drand',
    calls: [],
    onInitialize: (context) => writeDuePulses(context, beacon, slotDurationMs),
  };
}
