import { createHash } from 'node:crypto';
import { verifyPulse } from '@taonode/timelock';
import type { BlockHookContext } from '../../runtime/dispatch-context';
import { loadRuntimeMetadata } from '../../runtime/runtime-metadata';
import { BlockState } from '../../state/block-state';
import { Storage } from '../../state/storage';
import { devnetBeacon, DEVNET_BEACON_CLOCK } from './devnet-beacon';
import { applyDrandGenesis } from './drand-genesis';
import { latestRoundAt, MAX_KEPT_PULSES, MAX_PULSES_PER_BLOCK, writeDuePulses } from './drand-pulses';
import { lastStoredRound, readPulse } from './drand-storage';

const SLOT_MS = 12_000n;
const beacon = devnetBeacon('drand-pulses spec');

/** A block's `on_initialize` at `slot` over `storage`, recording the events it deposits. */
function blockAt(storage: Storage, slot: bigint): { events: [string, string, readonly unknown[]][] } {
  const events: [string, string, readonly unknown[]][] = [];
  storage.set('aura', 'currentSlot', [], slot);
  const context: BlockHookContext = {
    storage,
    blockNumber: 1,
    deposit: (pallet, event, fields) => events.push([pallet, event, fields]),
  };
  writeDuePulses(context, beacon, SLOT_MS);
  return { events };
}

/** The slot whose start is `seconds` after the beacon's genesis. */
const slotAfterGenesis = (seconds: number): bigint =>
  (BigInt(DEVNET_BEACON_CLOCK.genesisTime + seconds) * 1000n) / SLOT_MS + 1n;

describe('the devnet drand beacon (spec-233 metadata, which has pallet_drand)', () => {
  const runtime = loadRuntimeMetadata();
  const fresh = (): Storage => {
    const storage = new Storage(runtime, BlockState.empty());
    applyDrandGenesis(storage, beacon);
    return storage;
  };

  it('numbers rounds as drand does: round 1 at genesis, one more per period, none before', () => {
    expect(latestRoundAt(beacon, DEVNET_BEACON_CLOCK.genesisTime - 1)).toBe(0);
    expect(latestRoundAt(beacon, DEVNET_BEACON_CLOCK.genesisTime)).toBe(1);
    expect(latestRoundAt(beacon, DEVNET_BEACON_CLOCK.genesisTime + 2)).toBe(1);
    expect(latestRoundAt(beacon, DEVNET_BEACON_CLOCK.genesisTime + 3)).toBe(2);
  });

  it('derives the same key from the same seed and another from another seed', () => {
    expect(devnetBeacon('drand-pulses spec').config.publicKey).toEqual(beacon.config.publicKey);
    expect(devnetBeacon('another seed').config.publicKey).not.toEqual(beacon.config.publicKey);
  });

  it('starts with the latest two rounds, then stores every round its slot clock passed, signed and verifiable', () => {
    const storage = fresh();
    const slot = slotAfterGenesis(3_000_000);
    const latest = latestRoundAt(beacon, Number((slot * SLOT_MS) / 1000n));
    const first = blockAt(storage, slot);
    expect(lastStoredRound(storage)).toBe(latest);
    expect(first.events).toEqual([['drand', 'NewPulse', [[latest - 1, latest]]]]);
    expect(readPulse(storage, latest - 2)).toBeUndefined();

    const next = blockAt(storage, slot + 1n);
    expect(next.events).toEqual([['drand', 'NewPulse', [[latest + 1, latest + 2, latest + 3, latest + 4]]]]);
    const pulse = readPulse(storage, latest + 3);
    expect(pulse?.round).toBe(latest + 3);
    expect(verifyPulse(beacon.config.publicKey, latest + 3, pulse?.signature ?? new Uint8Array())).toBe(true);
    expect(Buffer.from(pulse?.randomness ?? []).toString('hex')).toBe(
      createHash('sha256')
        .update(pulse?.signature ?? new Uint8Array())
        .digest('hex'),
    );
  });

  it('writes nothing while the slot clock has not reached a new round', () => {
    const storage = fresh();
    const slot = slotAfterGenesis(3_000_000);
    blockAt(storage, slot);
    expect(blockAt(storage, slot).events).toEqual([]);
  });

  it('catches up at most 50 rounds per block, as the offchain worker', () => {
    const storage = fresh();
    const slot = slotAfterGenesis(3_000_000);
    blockAt(storage, slot);
    const stored = lastStoredRound(storage);
    blockAt(storage, slot + 100n);
    expect(lastStoredRound(storage)).toBe(stored + MAX_PULSES_PER_BLOCK);
    blockAt(storage, slot + 100n);
    expect(lastStoredRound(storage)).toBe(stored + 2 * MAX_PULSES_PER_BLOCK);
  });

  it('keeps a bounded window: each new round evicts the one MAX_KEPT_PULSES rounds older', () => {
    const storage = fresh();
    const slot = slotAfterGenesis(3_000_000);
    blockAt(storage, slot);
    const stored = lastStoredRound(storage);
    // The next block stores four rounds, stored + 1 … stored + 4, so it evicts up to stored + 4 − MAX_KEPT_PULSES.
    const evicted = stored + 4 - MAX_KEPT_PULSES;
    const kept = evicted + 1;
    for (const round of [evicted, kept]) {
      storage.set('drand', 'pulses', [round], { round, randomness: '0x00', signature: '0x00' });
    }
    blockAt(storage, slot + 1n);
    expect(readPulse(storage, evicted)).toBeUndefined();
    expect(readPulse(storage, kept)).toBeDefined();
  });
});
