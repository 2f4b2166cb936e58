/**
 * Where a gateway request's time goes: the gateway's own `taonode_gateway_stage_duration_seconds` histogram read
 * from its `/metrics` before and after a measured row, so the row's mean per stage is the difference of the sums
 * over the difference of the counts.
 */

/** The stages the gateway times, in the order a full-path request passes them (apps/axon-gateway/src/metrics.ts). */
const STAGES = ['parse', 'verify', 'queue_wait', 'inference', 'total'] as const;
type Stage = (typeof STAGES)[number];

const STAGE_LINE = /^taonode_gateway_stage_duration_seconds_(sum|count)\{[^}]*stage="([a-z_]+)"[^}]*\} (\S+)$/gm;

export type StageTotals = ReadonlyMap<Stage, { readonly seconds: number; readonly count: number }>;

function isStage(name: string): name is Stage {
  return (STAGES as readonly string[]).includes(name);
}

/** The histogram's running sums and counts per stage, as the gateway's ops server reports them now. */
export async function readStageTotals(opsUrl: string): Promise<StageTotals> {
  const text = await (await fetch(`${opsUrl}/metrics`)).text();
  const totals = new Map<Stage, { seconds: number; count: number }>();
  for (const [, kind, stage, value] of text.matchAll(STAGE_LINE)) {
    if (stage === undefined || !isStage(stage)) {
      continue;
    }
    const entry = totals.get(stage) ?? { seconds: 0, count: 0 };
    if (kind === 'sum') {
      entry.seconds = Number(value);
    } else {
      entry.count = Number(value);
    }
    totals.set(stage, entry);
  }
  return totals;
}

/** "parse 0.02 ms, verify 1.10 ms, …": each stage's mean over the requests timed between `before` and `after`. */
export function describeStageMeans(before: StageTotals, after: StageTotals): string {
  const parts: string[] = [];
  for (const stage of STAGES) {
    const start = before.get(stage) ?? { seconds: 0, count: 0 };
    const end = after.get(stage);
    const count = (end?.count ?? 0) - start.count;
    if (end === undefined || count <= 0) {
      continue;
    }
    parts.push(`${stage} ${(((end.seconds - start.seconds) / count) * 1000).toFixed(2)} ms`);
  }
  return parts.length === 0 ? 'no stage was timed' : parts.join(', ');
}
