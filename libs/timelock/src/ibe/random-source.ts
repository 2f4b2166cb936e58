import { randomBytes } from 'node:crypto';

/**
 * Where encryption draws its secrets: `length` fresh random bytes per call. The default is the OS CSPRNG;
 * known-answer tests inject a fixed stream. Never a constant: bittensor-drand ≤ 0.5 used `esk = [2; 32]`,
 * which made every commit readable at once.
 */
export type RandomSource = (length: number) => Uint8Array;

export const systemRandom: RandomSource = (length) => Uint8Array.from(randomBytes(length));
