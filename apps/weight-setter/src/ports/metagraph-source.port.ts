/** What the weight-setter needs of each new metagraph: the block, who holds each uid, and the subnet's tempo. */
export interface MetagraphUpdate {
  readonly netuid: number;
  readonly block: number;
  /** Hotkey (SS58) by uid. */
  readonly hotkeys: readonly string[];
  readonly tempo: number;
}

/** A live feed of metagraph updates (chain-sync's WatchMetagraph); it reconnects by itself. */
export interface MetagraphSourcePort {
  watch(netuid: number, onUpdate: (update: MetagraphUpdate) => void): void;
  stop(): void;
}

export const METAGRAPH_SOURCE = Symbol('METAGRAPH_SOURCE');
