import { createHash } from 'node:crypto';
import { u8aToHex } from '@polkadot/util';
import type { Storage } from '../../state/storage';
import type { DevnetBeacon } from './devnet-beacon';
import { DRAND, hasDrandPallet } from './drand-storage';

/** quicknet's scheme: unchained, signatures on G1 hashed with RFC 9380 — what the runtime's verifier checks. */
const SCHEME_ID = 'bls-unchained-g1-rfc9380';
const BEACON_ID = 'taonode-devnet';

/**
 * `Drand.BeaconConfig` at genesis, in the metadata's `BeaconConfiguration` layout: the devnet beacon's public key
 * with quicknet's period and genesis time. `hash` and `group_hash` (chain info hashes on drand's network) are
 * sha256 of the public key and of the beacon id, so they are stable and name this beacon alone. Nothing is
 * written when the runtime has no Drand pallet.
 */
export function applyDrandGenesis(storage: Storage, beacon: DevnetBeacon): void {
  if (!hasDrandPallet(storage)) {
    return;
  }
  const publicKey = beacon.config.publicKey;
  storage.set(DRAND, 'beaconConfig', [], {
    publicKey: u8aToHex(publicKey),
    period: beacon.config.period,
    genesisTime: beacon.config.genesisTime,
    hash_: u8aToHex(createHash('sha256').update(publicKey).digest()),
    groupHash: u8aToHex(createHash('sha256').update(BEACON_ID).digest()),
    schemeId: u8aToHex(Buffer.from(SCHEME_ID)),
    metadata: { beaconId: u8aToHex(Buffer.from(BEACON_ID)) },
  });
}
