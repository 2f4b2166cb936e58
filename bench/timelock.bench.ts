import {
  decryptTimelocked,
  DRAND_QUICKNET,
  encodeWeightsPayload,
  encryptTimelocked,
  TestBeacon,
} from '@taonode/timelock';
import { measureThroughput, type BenchResult, type BenchRow, type Throughput } from './bench-result';

// Timelocked weights commits (libs/timelock): one encryption per commit the weight-setter sends, one decryption
// per commit `decrypt-commit` opens (and per commit a devnet beacon would reveal).

function row(operation: string, uids: number, bytes: number, result: Throughput): BenchRow {
  return {
    operation,
    uids,
    'commit bytes': bytes,
    'ms CPU/op': Number((1000 / result.cpuOpsPerSecond).toFixed(1)),
    'ops/s per CPU second': Number(result.cpuOpsPerSecond.toFixed(1)),
    'ops/s wall clock (median, range)': `${result.wallOpsPerSecond.toFixed(1)} (${result.minWallOpsPerSecond.toFixed(1)}–${result.maxWallOpsPerSecond.toFixed(1)})`,
  };
}

export default function timelockBench(): Promise<BenchResult> {
  const beacon = new TestBeacon(Uint8Array.from({ length: 32 }, (_, index) => index + 1));
  const round = 1_000_000;
  const signature = beacon.signRound(round);
  const rows: BenchRow[] = [];
  for (const uids of [16, 256, 1024]) {
    const ids = Array.from({ length: uids }, (_, uid) => uid);
    const plaintext = encodeWeightsPayload({
      hotkey: new Uint8Array(32).fill(1),
      uids: ids,
      values: ids,
      versionKey: 1n,
    });
    const request = { publicKey: DRAND_QUICKNET.publicKey, round, plaintext };
    const commit = encryptTimelocked(request);
    rows.push(
      row(
        'encrypt (quicknet key)',
        uids,
        commit.length,
        measureThroughput(() => encryptTimelocked(request), { sampleMs: 1500 }),
      ),
    );
    const own = encryptTimelocked({ ...request, publicKey: beacon.publicKey });
    rows.push(
      row(
        'decrypt (round signature)',
        uids,
        own.length,
        measureThroughput(() => decryptTimelocked(own, signature), { sampleMs: 1500 }),
      ),
    );
  }
  rows.push(
    row(
      'test beacon: sign a round',
      0,
      0,
      measureThroughput(() => beacon.signRound(round), { sampleMs: 1500 }),
    ),
  );
  return Promise.resolve({
    rows,
    notes: [
      'encrypt = hash-to-G1 of the round, one G2 scalar multiplication for U, one for r·P_pub, one pairing, AES-256-GCM; decrypt = one pairing, one G2 multiplication (the r·G2 = U check), AES-256-GCM (@noble/curves 1.9.7, pure JS).',
      'The payload size barely matters: the cost is the curve work, which is fixed per commit.',
    ],
  });
}
