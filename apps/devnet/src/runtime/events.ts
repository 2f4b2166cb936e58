import { compactToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import type { Hex } from '../state/block-state';
import type { MetadataIndex } from './metadata-index';
import type { RuntimeMetadata } from './runtime-metadata';

/** `frame_system::Phase`: when in the block an event was emitted. */
export type Phase =
  | { readonly kind: 'ApplyExtrinsic'; readonly index: number }
  | { readonly kind: 'Finalization' }
  | { readonly kind: 'Initialization' };

export class EventFieldCountError extends Error {
  readonly code = 'TAONODE_DEVNET_EVENT_FIELDS';
}

/**
 * Encodes runtime events by hand as `[pallet index, variant index, fields...]` from the metadata's event
 * enums: @polkadot/types maps `RuntimeEvent` to `GenericEvent`, which cannot be built from an object
 * (subtensor.md §4.2 item 4).
 */
export class EventEncoder {
  constructor(
    private readonly runtime: RuntimeMetadata,
    private readonly index: MetadataIndex,
  ) {}

  /** SCALE bytes of `RuntimeEvent::<Pallet>(<Event> { fields })`. */
  encode(pallet: string, event: string, fields: readonly unknown[]): Uint8Array {
    const { pallet: info, variant } = this.index.event(pallet, event);
    if (fields.length !== variant.fieldTypes.length) {
      throw new EventFieldCountError(
        `${pallet}.${event} has ${variant.fieldTypes.length} fields, ${fields.length} were given`,
      );
    }
    const encodedFields = variant.fieldTypes.map((type, position) =>
      this.runtime.registry.createTypeUnsafe(type, [fields[position]]).toU8a(),
    );
    return u8aConcat(new Uint8Array([info.index, variant.index]), ...encodedFields);
  }
}

/** One `EventRecord { phase, event, topics }` with no topics (the runtime deposits none for these pallets). */
export function encodeEventRecord(phase: Phase, event: Uint8Array): Uint8Array {
  return u8aConcat(encodePhase(phase), event, compactToU8a(0));
}

/** The value of `System.Events`: a compact count followed by the records. */
export function encodeEventRecords(records: readonly Uint8Array[]): Hex {
  return u8aToHex(u8aConcat(compactToU8a(records.length), ...records));
}

function encodePhase(phase: Phase): Uint8Array {
  switch (phase.kind) {
    case 'ApplyExtrinsic': {
      const bytes = new Uint8Array(5);
      new DataView(bytes.buffer).setUint32(1, phase.index, true);
      return bytes;
    }
    case 'Finalization':
      return new Uint8Array([1]);
    case 'Initialization':
      return new Uint8Array([2]);
  }
}
