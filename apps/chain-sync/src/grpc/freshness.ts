/** How current an answer is (the proto's `Freshness`, in domain units). */
export interface Freshness {
  readonly block: number;
  readonly blockHash: `0x${string}`;
  readonly stale: boolean;
  readonly ageSeconds: number;
  /** Latest finalized block seen, 0 before the first. */
  readonly finalizedBlock: number;
}

/** A value read from a snapshot or the chain, with its freshness. */
export interface Answer<T> {
  readonly value: T;
  readonly freshness: Freshness;
}
