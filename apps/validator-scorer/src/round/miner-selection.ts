import { RoundRandom } from '../task/round-random';

/** A neuron as the scorer needs it: who it is and where its axon is served. */
export interface MinerCandidate {
  readonly uid: number;
  readonly hotkey: string;
  /** Axon address as the metagraph reports it; `0.0.0.0` / port 0 when never served. */
  readonly ip: string;
  readonly port: number;
  readonly isServing: boolean;
}

/** Candidates with a reachable-looking served axon, excluding the validator's own hotkey. */
export function servingMiners(neurons: readonly MinerCandidate[], ownHotkey: string): MinerCandidate[] {
  return neurons.filter(
    (neuron) => neuron.isServing && neuron.port > 0 && neuron.ip !== '0.0.0.0' && neuron.hotkey !== ownHotkey,
  );
}

/**
 * The miners of one round: all of them when `sampleSize` is 0 or covers everyone, otherwise a sample drawn with
 * the round's seed (Fisher–Yates prefix), so each round reaches a different, reproducible subset. Sorted by uid.
 */
export function selectMiners(
  candidates: readonly MinerCandidate[],
  sampleSize: number,
  seed: bigint,
): MinerCandidate[] {
  if (sampleSize <= 0 || sampleSize >= candidates.length) {
    return [...candidates].sort((a, b) => a.uid - b.uid);
  }
  const pool = [...candidates];
  const random = new RoundRandom(seed ^ 0x5eed5eedn);
  for (let i = 0; i < sampleSize; i += 1) {
    const j = i + random.nextInt(pool.length - i);
    const swap = pool[i] as MinerCandidate;
    pool[i] = pool[j] as MinerCandidate;
    pool[j] = swap;
  }
  return pool.slice(0, sampleSize).sort((a, b) => a.uid - b.uid);
}
