/** The value of a Prometheus sample in a text exposition, summed over the lines whose labels match. */
export function sampleValue(exposition: string, metric: string, labels: Readonly<Record<string, string>> = {}): number {
  let total = 0;
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(metric) || (line[metric.length] !== '{' && line[metric.length] !== ' ')) {
      continue;
    }
    const matches = Object.entries(labels).every(([name, value]) => line.includes(`${name}="${value}"`));
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (matches && Number.isFinite(value)) {
      total += value;
    }
  }
  return total;
}

/** What the live view shows about the node's services besides the metagraph. */
export interface NodeStatus {
  /** Service name → `/health` answered 2xx. */
  readonly health: ReadonlyMap<string, boolean>;
  /** Requests the axon answered, in total (all statuses). */
  readonly axonRequests: number;
  /** Requests per second since the previous sample; null on the first. */
  readonly axonRequestsPerSecond: number | null;
  readonly roundsCompleted: number;
  /** Block of the latest completed validator round; null before the first. */
  readonly lastRoundBlock: number | null;
  /** Blocks since the validator's weights last landed; null before they first did. */
  readonly blocksSinceWeights: number | null;
  readonly weightsSubmissions: number;
  readonly sampledAtMs: number;
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Samples every service's `/health` and the few metrics the live view shows (never throws: a dead service is "down"). */
export async function sampleNodeStatus(
  opsUrls: Readonly<Record<string, string>>,
  previous?: NodeStatus,
): Promise<NodeStatus> {
  const entries = Object.entries(opsUrls);
  const [healthy, gateway, scorer, setter] = await Promise.all([
    Promise.all(entries.map(async ([name, url]) => [name, (await fetchText(`${url}/health`)) !== undefined] as const)),
    fetchText(`${opsUrls['axon-gateway'] ?? ''}/metrics`),
    fetchText(`${opsUrls['validator-scorer'] ?? ''}/metrics`),
    fetchText(`${opsUrls['weight-setter'] ?? ''}/metrics`),
  ]);
  const now = Date.now();
  const axonRequests = sampleValue(gateway ?? '', 'taonode_gateway_requests_total');
  const seconds = previous === undefined ? 0 : (now - previous.sampledAtMs) / 1000;
  const lastRound = sampleValue(scorer ?? '', 'taonode_scorer_last_round_block');
  // Weights land by a direct set or by the reveal of a hash commit.
  const weightsSet =
    sampleValue(setter ?? '', 'taonode_weight_setter_submissions_total', { outcome: 'set' }) +
    sampleValue(setter ?? '', 'taonode_weight_setter_submissions_total', { outcome: 'revealed' });
  return {
    health: new Map(healthy),
    axonRequests,
    axonRequestsPerSecond:
      previous === undefined || seconds <= 0 ? null : Math.max(0, axonRequests - previous.axonRequests) / seconds,
    roundsCompleted: sampleValue(scorer ?? '', 'taonode_scorer_rounds_total', { outcome: 'completed' }),
    lastRoundBlock: lastRound > 0 ? lastRound : null,
    blocksSinceWeights:
      weightsSet > 0 ? sampleValue(setter ?? '', 'taonode_weight_setter_blocks_since_last_set_blocks') : null,
    weightsSubmissions: weightsSet,
    sampledAtMs: now,
  };
}

/** The status block under the metagraph table. */
export function statusLines(status: NodeStatus): string[] {
  const services = [...status.health].map(([name, ok]) => `${name} ${ok ? 'up' : 'DOWN'}`).join('  ');
  const rate = status.axonRequestsPerSecond === null ? '…' : status.axonRequestsPerSecond.toFixed(1);
  const round =
    status.lastRoundBlock === null
      ? 'no round yet'
      : `last round at block ${status.lastRoundBlock} (${status.roundsCompleted} done)`;
  const weights =
    status.blocksSinceWeights === null
      ? 'not set yet'
      : `set ${status.weightsSubmissions} times, last ${status.blocksSinceWeights} blocks ago`;
  return [
    `services   ${services}`,
    `miner      axon ${rate} requests/s (${status.axonRequests} answered)`,
    `validator  ${round}; weights ${weights}`,
  ];
}
