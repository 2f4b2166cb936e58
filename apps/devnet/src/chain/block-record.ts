import type { BlockState, Hex } from '../state/block-state';
import type { BlockHeader } from './header';

/** A produced block: its header, body and the state after it (dropped once the block is pruned). */
export interface BlockRecord {
  readonly header: BlockHeader;
  readonly hash: Hex;
  readonly number: number;
  /** Each extrinsic's SCALE bytes with its length prefix, the inherent first, as `chain_getBlock` serves them. */
  readonly extrinsics: readonly Hex[];
  /** `Timestamp.Now` set by the block's inherent (ms since the epoch). */
  readonly timestamp: number;
  readonly auraSlot: bigint;
  /** The keys this block changed (null = deleted), for storage subscriptions; emptied once the block is pruned. */
  readonly changes: ReadonlyMap<Hex, Hex | null>;
}

/** A block with the state after it, while that state is retained. */
export interface StoredBlock extends BlockRecord {
  readonly state: BlockState | undefined;
}
