export { DEFAULT_BEACON_SEED, DEVNET_BEACON_CLOCK, devnetBeacon, type DevnetBeacon } from './devnet-beacon';
export { applyDrandGenesis } from './drand-genesis';
export { latestRoundAt, MAX_KEPT_PULSES, MAX_PULSES_PER_BLOCK, writeDuePulses } from './drand-pulses';
export { hasDrandPallet, lastStoredRound, readPulse, type StoredPulse } from './drand-storage';
export { createDrandPallet } from './drand.pallet';
