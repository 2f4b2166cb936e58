/**
 * mulberry32: a tiny 32-bit PRNG with a fixed, portable definition, so the model's weights are the same on every
 * machine and Node version (Math.random is neither seedable nor specified).
 */
export class WeightPrng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** `count` values uniform in [-scale, scale), rounded to float32. */
  uniform(count: number, scale: number): Float32Array {
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      values[i] = (this.next() * 2 - 1) * scale;
    }
    return values;
  }
}
