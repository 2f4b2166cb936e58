const MASK_64 = (1n << 64n) - 1n;

/**
 * Tokens the decoder may emit: newline and printable ASCII. The synthetic model puts mass on every byte; keeping
 * the output to single-byte characters makes each token exactly one UTF-8 character (one stream chunk) and the
 * completion valid text. An operator model with the same interface gets the same policy.
 */
export const EMITTABLE_TOKENS: readonly number[] = [0x0a, ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i)];

/**
 * Picks the next token from a row of logits, reproducibly:
 * - temperature 0: greedy, the highest logit among {@link EMITTABLE_TOKENS}, lowest id on ties;
 * - otherwise: one draw u = (SplitMix64() >>> 11) / 2^53 from a SplitMix64 stream seeded with `seed mod 2^64`,
 *   then the first emittable token (ascending id) whose cumulative weight exp((logit - max) / temperature),
 *   summed in float64, exceeds u · total.
 * A validator holding the model, prompt, temperature and seed reproduces the miner's text exactly.
 */
export class TokenSampler {
  private state: bigint;

  constructor(
    private readonly temperature: number,
    seed: bigint,
  ) {
    this.state = BigInt.asUintN(64, seed);
  }

  next(logits: Float32Array, offset: number): number {
    return this.temperature === 0 ? greedy(logits, offset) : this.sample(logits, offset);
  }

  /** SplitMix64 (Steele, Lea, Flood 2014): the reference constants, arithmetic modulo 2^64. */
  private nextUniform(): number {
    this.state = (this.state + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    z ^= z >> 31n;
    return Number(z >> 11n) / 2 ** 53;
  }

  private sample(logits: Float32Array, offset: number): number {
    let max = -Infinity;
    for (const token of EMITTABLE_TOKENS) {
      max = Math.max(max, logits[offset + token] ?? -Infinity);
    }
    const weights = EMITTABLE_TOKENS.map((token) =>
      Math.exp(((logits[offset + token] ?? -Infinity) - max) / this.temperature),
    );
    const total = weights.reduce((sum, w) => sum + w, 0);
    const target = this.nextUniform() * total;
    let cumulative = 0;
    for (let i = 0; i < EMITTABLE_TOKENS.length; i++) {
      cumulative += weights[i] ?? 0;
      if (cumulative > target) {
        return EMITTABLE_TOKENS[i] ?? 0x20;
      }
    }
    return EMITTABLE_TOKENS[EMITTABLE_TOKENS.length - 1] ?? 0x20;
  }
}

function greedy(logits: Float32Array, offset: number): number {
  let best = EMITTABLE_TOKENS[0] ?? 0x0a;
  let bestLogit = -Infinity;
  for (const token of EMITTABLE_TOKENS) {
    const logit = logits[offset + token] ?? -Infinity;
    if (logit > bestLogit) {
      best = token;
      bestLogit = logit;
    }
  }
  return best;
}
