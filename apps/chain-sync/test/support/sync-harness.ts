import { Logger } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { createMetricsRegistry } from '@taonode/observability';
import { ChainSyncMetricsRepository } from '../../src/chain-sync-metrics.repository';
import type { ChainSyncConfig } from '../../src/config';
import { MetagraphQueryService } from '../../src/grpc/metagraph-query.service';
import type { MetagraphSnapshotRepository } from '../../src/snapshot/metagraph-snapshot.repository';
import { ChainSyncService } from '../../src/sync/chain-sync.service';
import { HeadTrackerService } from '../../src/sync/head-tracker.service';
import { SnapshotHubService } from '../../src/sync/snapshot-hub.service';
import { FakeChain, FakeClock } from './fake-chain';
import { InMemorySnapshotRepository } from './in-memory-snapshot.repository';

export interface SyncHarnessOptions {
  readonly netuids?: readonly number[];
  readonly healthMaxLagBlocks?: number;
  readonly blockTimeMs?: number;
  readonly liveReadCacheSize?: number;
  readonly liveReadConcurrency?: number;
}

/** chain-sync's services wired by hand around fakes (no Nest, no I/O): the `{ sut, mocks }` of the unit specs. */
export function buildSyncHarness(options: SyncHarnessOptions = {}) {
  Logger.overrideLogger(false);
  const config = {
    sync: {
      netuids: options.netuids ?? [1],
      healthMaxLagBlocks: options.healthMaxLagBlocks ?? 3,
      blockTimeMs: options.blockTimeMs ?? 1000,
      callTimeoutMs: 1000,
      liveReads: { cacheSize: options.liveReadCacheSize ?? 16, maxConcurrent: options.liveReadConcurrency ?? 4 },
    },
  } as ChainSyncConfig;
  const chain = new FakeChain();
  const clock = new FakeClock();
  const repository = new InMemorySnapshotRepository();
  const registry: Registry = createMetricsRegistry({ service: 'chain-sync-test', defaultMetrics: false });
  const metrics = new ChainSyncMetricsRepository(registry);
  const tracker = new HeadTrackerService(config, clock);
  const hub = new SnapshotHubService();
  const snapshots = repository as unknown as MetagraphSnapshotRepository;
  const sync = new ChainSyncService(config, chain, chain, clock, tracker, hub, snapshots, metrics);
  const query = new MetagraphQueryService(config, chain, chain, clock, tracker, hub);
  return { sync, query, tracker, hub, chain, clock, repository, registry };
}

/** Current value of a metric series, or undefined when the series does not exist. */
export function metricValue(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  return sampleValue(registry, name, labels);
}

/** Number of observations of a histogram series. */
export function histogramCount(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  return sampleValue(registry, name, labels, `${name}_count`);
}

/** The first sample of metric `name` with `labels` (and, for histograms, of the sample `sampleName`). */
async function sampleValue(
  registry: Registry,
  name: string,
  labels: Record<string, string>,
  sampleName?: string,
): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name);
  if (metric === undefined) {
    return undefined;
  }
  const { values } = (await metric.get()) as {
    values: { value: number; labels: Record<string, string | number | undefined>; metricName?: string }[];
  };
  const series = values.find(
    (value) =>
      (sampleName === undefined || value.metricName === sampleName) &&
      Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected),
  );
  return series?.value;
}
