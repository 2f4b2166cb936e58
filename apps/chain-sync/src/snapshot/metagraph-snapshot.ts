import type { Metagraph } from '@taonode/chain';

/** One subnet's metagraph as chain-sync read it, with the wall-clock time of the read (for its age). */
export interface MetagraphSnapshot {
  readonly metagraph: Metagraph;
  /** Milliseconds since the epoch when the read finished. */
  readonly syncedAtMs: number;
}
