/** What the gateway knows about a registered hotkey, from the latest metagraph. */
export interface CallerRecord {
  readonly uid: number;
  readonly stakeRao: bigint;
  readonly validatorPermit: boolean;
}

/** The callers of one metagraph snapshot, by hotkey, with the largest stake (for load shedding). */
export class CallerDirectory {
  readonly maxStakeRao: bigint;

  constructor(
    private readonly byHotkey: ReadonlyMap<string, CallerRecord>,
    readonly block: number,
  ) {
    let max = 0n;
    for (const record of byHotkey.values()) {
      if (record.stakeRao > max) {
        max = record.stakeRao;
      }
    }
    this.maxStakeRao = max;
  }

  get(hotkey: string): CallerRecord | undefined {
    return this.byHotkey.get(hotkey);
  }

  get size(): number {
    return this.byHotkey.size;
  }
}
