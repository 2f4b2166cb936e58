import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { compactToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a } from '@polkadot/util-crypto';
import type { DecodedExtrinsic } from '../extrinsic/decoded-extrinsic';
import type { ExtrinsicApplier } from '../extrinsic/extrinsic-applier';
import type { FeeCalculator } from '../extrinsic/fees';
import { InvalidTransactionError, UnknownTransactionError } from '../extrinsic/transaction-validity';
import type { DispatchClassName } from '../runtime/call-definition';
import type { PalletModule } from '../runtime/dispatch-context';
import { EventSink } from '../runtime/event-sink';
import type { EventEncoder } from '../runtime/events';
import { bigintConstant } from '../runtime/runtime-constants';
import type { RuntimeMetadata } from '../runtime/runtime-metadata';
import type { BlockState, Hex } from '../state/block-state';
import { Storage } from '../state/storage';
import type { BlockRecord } from './block-record';
import { BlockHeader, auraDigestItems } from './header';

/** Longest stretch of synchronous work between two yields to the event loop while a block is built. */
const SLICE_MS = 10;

export interface BuildInput {
  readonly parent: BlockRecord;
  readonly parentState: BlockState;
  readonly candidates: readonly DecodedExtrinsic[];
  /** Wall-clock time for the timestamp inherent; raised to parent + 1 ms if the clock did not move. */
  readonly now: number;
}

/** A transaction the block could not include, and why. */
export interface ExcludedTransaction {
  readonly extrinsic: DecodedExtrinsic;
  readonly error: InvalidTransactionError | UnknownTransactionError;
}

export interface BuiltBlock {
  readonly block: BlockRecord;
  readonly state: BlockState;
  readonly included: readonly DecodedExtrinsic[];
  readonly excluded: readonly ExcludedTransaction[];
}

export interface BlockBuilderDeps {
  readonly runtime: RuntimeMetadata;
  readonly encoder: EventEncoder;
  readonly applier: ExtrinsicApplier;
  readonly fees: FeeCalculator;
  readonly pallets: readonly PalletModule[];
}

/**
 * Builds the next block the way frame_executive does: `System::initialize` (number, parent hash,
 * `BlockHash(n-1)`, digest with the Aura pre-runtime slot, events reset), the pallets' `on_initialize`
 * (phase Initialization), the timestamp inherent as extrinsic 0, the candidates in order (each that fails
 * its pre-dispatch checks is left out), `on_finalize`/`System::finalize` (BlockHash pruning, events and
 * block weight stored), then the header.
 *
 * Roots are not trie roots: `extrinsicsRoot` is blake2-256 of the SCALE `Vec` of extrinsics and `stateRoot`
 * chains the parent's root with a digest of this block's sorted changes — deterministic commitments that
 * change whenever the body or the state changes, which is all @polkadot/api relies on.
 */
export class BlockBuilder {
  private readonly blockHashCount: number;
  private readonly slotDuration: bigint;
  private readonly timestampCallHex: (now: number) => Hex;

  constructor(private readonly deps: BlockBuilderDeps) {
    this.blockHashCount = Number(bigintConstant(deps.runtime, 'system', 'blockHashCount'));
    this.slotDuration = bigintConstant(deps.runtime, 'aura', 'slotDuration');
    const { registry } = deps.runtime;
    this.timestampCallHex = (now) =>
      u8aToHex(
        registry
          .createType('Extrinsic', registry.createType('Call', { callIndex: TIMESTAMP_SET_CALL_INDEX, args: { now } }))
          .toU8a(),
      );
  }

  async build(input: BuildInput): Promise<BuiltBlock> {
    const { runtime, applier } = this.deps;
    const { parent } = input;
    const number = parent.number + 1;
    const timestamp = Math.max(input.now, parent.timestamp + 1);
    const slotFromTime = BigInt(timestamp) / this.slotDuration;
    const auraSlot = slotFromTime > parent.auraSlot ? slotFromTime : parent.auraSlot + 1n;
    const storage = new Storage(runtime, input.parentState);
    const events = new EventSink(this.deps.encoder);
    this.initialize(storage, parent.hash, number, auraSlot);
    events.setPhase({ kind: 'Initialization' });
    for (const pallet of this.deps.pallets) {
      pallet.onInitialize?.({
        storage,
        blockNumber: number,
        deposit: (section, event, fields) => events.deposit(section, event, fields),
      });
    }

    const mandatoryRefTime = this.applyTimestamp(storage, events, timestamp);
    const extrinsics: Hex[] = [this.timestampCallHex(timestamp)];
    const included: DecodedExtrinsic[] = [];
    const excluded: ExcludedTransaction[] = [];
    const blockWeight: Record<DispatchClassName, bigint> = { Normal: 0n, Operational: 0n, Mandatory: mandatoryRefTime };
    let sliceStart = performance.now();
    for (const candidate of input.candidates) {
      events.setPhase({ kind: 'ApplyExtrinsic', index: extrinsics.length });
      try {
        const applied = applier.apply(candidate, { storage, events, blockNumber: number });
        blockWeight[applied.dispatchClass] += applied.refTime;
        extrinsics.push(candidate.hex);
        included.push(candidate);
      } catch (error) {
        if (!(error instanceof InvalidTransactionError || error instanceof UnknownTransactionError)) {
          throw error;
        }
        excluded.push({ extrinsic: candidate, error });
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }

    events.setPhase({ kind: 'Finalization' });
    this.finalize(storage, events, number, blockWeight);
    const changes = storage.changes();
    const state = input.parentState.apply(changes);
    const header = new BlockHeader(runtime.registry, {
      parentHash: parent.hash,
      number,
      stateRoot: chainedStateRoot(parent.header.fields.stateRoot, changes),
      extrinsicsRoot: extrinsicsRoot(extrinsics),
      auraSlot,
    });
    return {
      block: { header, hash: header.hash, number, extrinsics, timestamp, auraSlot, changes },
      state,
      included,
      excluded,
    };
  }

  private initialize(storage: Storage, parentHash: Hex, number: number, slot: bigint): void {
    storage.set('system', 'number', [], number);
    storage.set('system', 'parentHash', [], parentHash);
    storage.set('system', 'blockHash', [number - 1], parentHash);
    storage.set('system', 'digest', [], { logs: auraDigestItems(slot) });
    storage.remove('system', 'events');
    storage.remove('system', 'eventCount');
    storage.set('aura', 'currentSlot', [], slot);
  }

  /** The timestamp inherent (`Timestamp::set`, Mandatory class, unsigned): sets `Now` and `DidUpdate`. */
  private applyTimestamp(storage: Storage, events: EventSink, timestamp: number): bigint {
    events.setPhase({ kind: 'ApplyExtrinsic', index: 0 });
    storage.set('timestamp', 'now', [], timestamp);
    storage.set('timestamp', 'didUpdate', [], true);
    const refTime = TIMESTAMP_SET_REF_TIME + this.deps.fees.baseExtrinsicRefTime('Mandatory');
    events.deposit('system', 'ExtrinsicSuccess', [
      { weight: { refTime, proofSize: TIMESTAMP_SET_PROOF_SIZE }, class: 'Mandatory', paysFee: 'Yes' },
    ]);
    return refTime;
  }

  private finalize(
    storage: Storage,
    events: EventSink,
    number: number,
    weight: Record<DispatchClassName, bigint>,
  ): void {
    storage.remove('timestamp', 'didUpdate');
    const toRemove = number - this.blockHashCount - 1;
    if (toRemove > 0) {
      storage.remove('system', 'blockHash', toRemove);
    }
    storage.set('system', 'blockWeight', [], {
      normal: { refTime: weight.Normal, proofSize: 0 },
      operational: { refTime: weight.Operational, proofSize: 0 },
      mandatory: { refTime: weight.Mandatory, proofSize: 0 },
    });
    storage.setRaw(storage.key('system', 'events'), events.encoded());
    storage.set('system', 'eventCount', [], events.count);
  }
}

/** pallet index 2 (Timestamp), call index 0 (`set`) in the spec-224 metadata. */
const TIMESTAMP_SET_CALL_INDEX = new Uint8Array([2, 0]);

/** `Timestamp::set`'s benchmarked weight (two reads, one write) and proof size. */
const TIMESTAMP_SET_REF_TIME = 10_000_000n + 2n * 25_000_000n + 100_000_000n;
const TIMESTAMP_SET_PROOF_SIZE = 1493n;

function extrinsicsRoot(extrinsics: readonly Hex[]): Hex {
  const bodies = extrinsics.map((hex) => Buffer.from(hex.slice(2), 'hex'));
  return blake2AsHex(u8aConcat(compactToU8a(bodies.length), ...bodies), 256);
}

function chainedStateRoot(parentRoot: Hex, changes: ReadonlyMap<Hex, Hex | null>): Hex {
  const entries = [...changes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const digest = blake2AsU8a(entries.map(([key, value]) => `${key}=${value ?? '-'}`).join(';'), 256);
  return blake2AsHex(u8aConcat(Buffer.from(parentRoot.slice(2), 'hex'), digest), 256);
}
