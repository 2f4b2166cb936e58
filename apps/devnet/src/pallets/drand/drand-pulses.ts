import type { INumber } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { pulseRandomness } from '@taonode/timelock';
import type { BlockHookContext } from '../../runtime/dispatch-context';
import type { DevnetBeacon } from './devnet-beacon';
import { DRAND, hasDrandPallet, lastStoredRound } from './drand-storage';

/** The offchain worker's bound: at most this many pulses per block while catching up. */
export const MAX_PULSES_PER_BLOCK = 50;

/**
 * Pulses kept in state; older ones are pruned. The runtime keeps 216 000 (7.5 days of quicknet); the devnet keeps
 * 6 hours of rounds, which bounds memory on fast blocks.
 */
export const MAX_KEPT_PULSES = 7_200;

/**
 * The latest round the beacon has published at `unixSeconds`, drand's own rule: round 1 at genesis, one more
 * every period (0 before genesis).
 */
export function latestRoundAt(beacon: DevnetBeacon, unixSeconds: number): number {
  const { genesisTime, period } = beacon.config;
  return unixSeconds < genesisTime ? 0 : Math.floor((unixSeconds - genesisTime) / period) + 1;
}

/**
 * The devnet's pulse supply, in place of the offchain worker's unsigned `write_pulse` transactions: every block,
 * the rounds the beacon has published by the block's slot time (`Aura.CurrentSlot × slotDurationMs`) are signed
 * with the devnet beacon's key and stored as `Drand.Pulses[r] = { round, randomness: sha256(sig), signature }`,
 * from `LastStoredRound + 1` (the latest two when nothing is stored yet, as the worker starts), at most 50 per
 * block; then `LastStoredRound`, pruning with `OldestStoredRound`, and `Drand.NewPulse(rounds)`.
 *
 * Why the slot clock: the Aura slot advances at least one slot per block, so the beacon runs at 12 s of chain
 * time per block whatever the real block interval — with manual or 250 ms blocks rounds pass exactly as a client
 * that assumes 12 s blocks expects, deterministically; with 12 s blocks it is the wall clock.
 */
export function writeDuePulses(context: BlockHookContext, beacon: DevnetBeacon, slotDurationMs: bigint): void {
  const { storage } = context;
  if (!hasDrandPallet(storage)) {
    return;
  }
  const slot = storage.get<INumber>('aura', 'currentSlot').toBigInt();
  const nowSeconds = Number((slot * slotDurationMs) / 1000n);
  const latest = latestRoundAt(beacon, nowSeconds);
  const last = lastStoredRound(storage);
  const first = last === 0 ? Math.max(1, latest - 1) : last + 1;
  const upTo = Math.min(latest, first + MAX_PULSES_PER_BLOCK - 1);
  if (upTo < first) {
    return;
  }
  const rounds: number[] = [];
  for (let round = first; round <= upTo; round += 1) {
    const signature = beacon.signer.signRound(round);
    storage.set(DRAND, 'pulses', [round], {
      round,
      randomness: u8aToHex(pulseRandomness(signature)),
      signature: u8aToHex(signature),
    });
    rounds.push(round);
  }
  storage.set(DRAND, 'lastStoredRound', [], upTo);
  pruneOldPulses(context, rounds, last === 0);
  context.deposit(DRAND, 'NewPulse', [rounds]);
}

/**
 * Keeps {@link MAX_KEPT_PULSES} rounds: each new round evicts the one that many rounds older (so the bound holds on
 * runtimes without `OldestStoredRound` too), and `OldestStoredRound` (spec 424) follows: the first round ever
 * stored, then the oldest kept.
 */
function pruneOldPulses(context: BlockHookContext, rounds: readonly number[], firstStore: boolean): void {
  const { storage } = context;
  for (const round of rounds) {
    if (round - MAX_KEPT_PULSES >= 1) {
      storage.remove(DRAND, 'pulses', round - MAX_KEPT_PULSES);
    }
  }
  if (!storage.hasItem(DRAND, 'oldestStoredRound')) {
    return;
  }
  const latest = rounds[rounds.length - 1] ?? 0;
  const oldest = firstStore ? (rounds[0] ?? 0) : storage.get<INumber>(DRAND, 'oldestStoredRound').toNumber();
  storage.set(DRAND, 'oldestStoredRound', [], Math.max(oldest, latest - MAX_KEPT_PULSES + 1));
}
