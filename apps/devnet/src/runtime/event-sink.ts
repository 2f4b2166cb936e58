import type { Hex } from '../state/block-state';
import type { Storage } from '../state/storage';
import { encodeEventRecord, encodeEventRecords, type EventEncoder, type Phase } from './events';

/**
 * The events of the block being built, in deposit order, each with the phase it was deposited in. Events are
 * storage in FRAME, so a failed dispatch loses its events with its writes: `transactional` rolls both back.
 */
export class EventSink {
  private readonly records: Uint8Array[] = [];
  private phase: Phase = { kind: 'Initialization' };

  constructor(private readonly encoder: EventEncoder) {}

  setPhase(phase: Phase): void {
    this.phase = phase;
  }

  deposit(pallet: string, event: string, fields: readonly unknown[]): void {
    this.records.push(encodeEventRecord(this.phase, this.encoder.encode(pallet, event, fields)));
  }

  get count(): number {
    return this.records.length;
  }

  /** `System.Events` as stored: compact count plus EventRecords. */
  encoded(): Hex {
    return encodeEventRecords(this.records);
  }

  /** Runs `body` in a storage layer; if it throws, its storage writes and its events are both discarded. */
  transactional<T>(storage: Storage, body: () => T): T {
    const mark = this.records.length;
    try {
      return storage.transactional(body);
    } catch (error) {
      this.records.length = mark;
      throw error;
    }
  }
}
