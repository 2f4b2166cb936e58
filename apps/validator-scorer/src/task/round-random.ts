const MASK_64 = (1n << 64n) - 1n;

/**
 * SplitMix64: a tiny, well-mixed 64-bit generator. Challenges must be reproducible from the round seed (a restarted
 * scorer and an auditor ask the same questions), which Math.random cannot give.
 */
export class RoundRandom {
  private state: bigint;

  constructor(seed: bigint) {
    this.state = seed & MASK_64;
  }

  /** The next 64-bit value. */
  nextU64(): bigint {
    this.state = (this.state + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    return z ^ (z >> 31n);
  }

  /** An integer in [0, bound), bound ≤ 2^32 (modulo bias below 2^-32: irrelevant for challenges). */
  nextInt(bound: number): number {
    return Number(this.nextU64() % BigInt(bound));
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.nextInt(items.length)];
    if (item === undefined) {
      throw new RangeError('cannot pick from an empty list');
    }
    return item;
  }
}

/** The seed of the round that starts at `block` on `netuid`: the same for every restart. */
export function roundSeed(netuid: number, block: number): bigint {
  return (BigInt(netuid) << 48n) ^ BigInt(block);
}
