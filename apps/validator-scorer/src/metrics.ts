import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * Every metric validator-scorer exports: the contract of the validator dashboard. Labels are bounded: `challenge`
 * takes the task's challenge labels, `status` HTTP status codes, `uid` at most 256 values per subnet.
 */
export function createScorerMetrics(registry: Registry) {
  const registers = [registry];
  return {
    rounds: new Counter({
      name: 'taonode_scorer_rounds_total',
      help: 'Validator rounds by outcome (completed, failed)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    roundDuration: new Histogram({
      name: 'taonode_scorer_round_duration_seconds',
      help: 'Time from the start of a round to its scores being stored',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60],
      registers,
    }),
    lastRoundBlock: new Gauge({
      name: 'taonode_scorer_last_round_block',
      help: 'Block at which the latest completed round started',
      registers,
    }),
    minersQueried: new Gauge({
      name: 'taonode_scorer_miners_queried',
      help: 'Miners queried in the latest round',
      registers,
    }),
    responses: new Counter({
      name: 'taonode_scorer_responses_total',
      help: 'Miner responses by challenge and the status the dendrite recorded',
      labelNames: ['challenge', 'status'] as const,
      registers,
    }),
    missingReferences: new Counter({
      name: 'taonode_scorer_missing_references_total',
      help: 'Challenges whose reference answer our own workers did not give in time',
      labelNames: ['challenge'] as const,
      registers,
    }),
    score: new Gauge({
      name: 'taonode_scorer_score',
      help: 'Moving-average score per uid after the latest round',
      labelNames: ['uid'] as const,
      registers,
    }),
  };
}

export type ScorerMetrics = ReturnType<typeof createScorerMetrics>;
