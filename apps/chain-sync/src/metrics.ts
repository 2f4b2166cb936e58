import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * Every metric chain-sync exports: the contract of its Grafana dashboard. Labels are bounded: `netuid` takes the
 * configured NETUIDS only, `code` the stable error codes of docs/errors.md.
 */
export function createChainSyncMetrics(registry: Registry) {
  const registers = [registry];
  return {
    finalizedBlock: new Gauge({
      name: 'taonode_chain_sync_finalized_block',
      help: 'Number of the latest finalized block seen',
      registers,
    }),
    syncDuration: new Histogram({
      name: 'taonode_chain_sync_sync_duration_seconds',
      help: "Time to read one subnet's metagraph at a finalized block",
      labelNames: ['netuid'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    headLag: new Gauge({
      name: 'taonode_chain_sync_head_lag_blocks',
      help: "Blocks between the latest finalized head and the subnet's latest snapshot",
      labelNames: ['netuid'] as const,
      registers,
    }),
    neurons: new Gauge({
      name: 'taonode_chain_sync_neurons',
      help: "Neurons in the subnet's latest snapshot",
      labelNames: ['netuid'] as const,
      registers,
    }),
    reconnects: new Counter({
      name: 'taonode_chain_sync_reconnects_total',
      help: 'Times the chain connection came back after being lost',
      registers,
    }),
    errors: new Counter({
      name: 'taonode_chain_sync_errors_total',
      help: 'Failures by stable error code (docs/errors.md)',
      labelNames: ['code'] as const,
      registers,
    }),
  };
}

export type ChainSyncMetrics = ReturnType<typeof createChainSyncMetrics>;
