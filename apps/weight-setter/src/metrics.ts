import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * Every metric weight-setter exports: the contract of its dashboard. `outcome` takes the kinds of
 * `WeightsOutcome` (@taonode/chain) only; `action` is `set`, `commit` or `reveal`.
 */
export function createWeightSetterMetrics(registry: Registry) {
  const registers = [registry];
  return {
    blocksSinceLastSet: new Gauge({
      name: 'taonode_weight_setter_blocks_since_last_set_blocks',
      help: 'Blocks since our weights last landed on chain (LastUpdate of our uid)',
      registers,
    }),
    submissions: new Counter({
      name: 'taonode_weight_setter_submissions_total',
      help: 'Weights attempts by action and typed outcome',
      labelNames: ['action', 'outcome'] as const,
      registers,
    }),
    leader: new Gauge({
      name: 'taonode_weight_setter_leader',
      help: '1 while this instance holds the leader lock',
      registers,
    }),
    pendingReveals: new Gauge({
      name: 'taonode_weight_setter_pending_reveals',
      help: 'Hash commits waiting for their reveal window',
      registers,
    }),
  };
}

export type WeightSetterMetrics = ReturnType<typeof createWeightSetterMetrics>;
