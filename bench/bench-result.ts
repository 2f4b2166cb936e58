/** One row of a benchmark table (column name → value). */
export type BenchRow = Readonly<Record<string, string | number>>;

/** What a bench module's default export resolves to; bench/run.js renders it into docs/benchmarks.md. */
export interface BenchResult {
  readonly rows: readonly BenchRow[];
  readonly notes?: readonly string[];
}

/** Throughput of a synchronous operation measured over several time-boxed samples. */
export interface Throughput {
  /** Operations per second of CPU time consumed by this process (what one core sustains, whatever else runs). */
  readonly cpuOpsPerSecond: number;
  /** Operations per wall-clock second (lower when other processes compete for the cores). */
  readonly wallOpsPerSecond: number;
  readonly minWallOpsPerSecond: number;
  readonly maxWallOpsPerSecond: number;
  readonly samples: number;
}

interface Sample {
  readonly operations: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Runs `operation` in a tight loop on the calling thread: a warm-up, then `samples` samples of about `sampleMs`
 * each; returns the median rate per CPU second and per wall second, and the wall-clock spread.
 */
export function measureThroughput(
  operation: () => void,
  options: { samples?: number; sampleMs?: number } = {},
): Throughput {
  const samples = options.samples ?? 5;
  const sampleNs = BigInt(Math.round((options.sampleMs ?? 1000) * 1e6));
  const runFor = (budgetNs: bigint): Sample => {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    let operations = 0;
    let elapsed = 0n;
    while (elapsed < budgetNs) {
      for (let batch = 0; batch < 16; batch++) {
        operation();
      }
      operations += 16;
      elapsed = process.hrtime.bigint() - start;
    }
    const cpu = process.cpuUsage(cpuStart);
    return { operations, wallSeconds: Number(elapsed) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
  runFor(sampleNs / 2n);
  const taken: Sample[] = [];
  for (let sample = 0; sample < samples; sample++) {
    taken.push(runFor(sampleNs));
  }
  const wallRates = taken.map((s) => s.operations / s.wallSeconds);
  return {
    cpuOpsPerSecond: median(taken.map((s) => s.operations / s.cpuSeconds)),
    wallOpsPerSecond: median(wallRates),
    minWallOpsPerSecond: Math.min(...wallRates),
    maxWallOpsPerSecond: Math.max(...wallRates),
    samples,
  };
}
