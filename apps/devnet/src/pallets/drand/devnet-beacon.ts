import { createHash } from 'node:crypto';
import { bls12_381 } from '@noble/curves/bls12-381';
import { TestBeacon, type DrandBeacon } from '@taonode/timelock';

/**
 * The devnet's beacon seed when the genesis names none. Public, like `//Alice`: anyone who knows it can sign any
 * round and open a default devnet's commits early. A genesis `drand.beaconSeed` gives a devnet its own beacon.
 */
export const DEFAULT_BEACON_SEED = 'taonode devnet drand beacon';

/**
 * The devnet beacon's clock: quicknet's genesis time and period, so rounds are numbered as on finney and any
 * moment since August 2023 has a round. ("Genesis time = devnet start or earlier": it is earlier.)
 */
export const DEVNET_BEACON_CLOCK = { genesisTime: 1692803367, period: 3 } as const;

/** The devnet's own drand-style beacon: the signing key and the configuration clients read from the chain. */
export interface DevnetBeacon {
  readonly signer: TestBeacon;
  readonly config: DrandBeacon;
}

/**
 * The beacon derived from a seed: secret = sha256("taonode-devnet-drand" ‖ seed) reduced into [1, r). The secret
 * lives only inside the returned {@link TestBeacon}; it is never stored in chain state, logged or passed on.
 */
export function devnetBeacon(seed: string = DEFAULT_BEACON_SEED): DevnetBeacon {
  const digest = createHash('sha256').update('taonode-devnet-drand').update(seed).digest('hex');
  const order = bls12_381.params.r;
  const scalar = (BigInt(`0x${digest}`) % (order - 1n)) + 1n;
  const signer = new TestBeacon(Uint8Array.from(Buffer.from(scalar.toString(16).padStart(64, '0'), 'hex')));
  return { signer, config: { publicKey: signer.publicKey, ...DEVNET_BEACON_CLOCK } };
}
