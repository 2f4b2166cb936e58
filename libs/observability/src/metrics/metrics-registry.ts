import { collectDefaultMetrics, Registry } from 'prom-client';

/** Injection token of the service's prom-client registry. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

export interface MetricsRegistryOptions {
  /** Value of the `service` label on every series. */
  readonly service: string;
  /** Node process metrics (CPU, memory, event loop, GC); on unless a test turns them off. */
  readonly defaultMetrics?: boolean;
}

/**
 * A fresh registry per service instance (never prom-client's global one, so two apps in one test process do not
 * collide), with the process metrics every service exports.
 */
export function createMetricsRegistry(options: MetricsRegistryOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  if (options.defaultMetrics !== false) {
    // Standard names (process_*, nodejs_*) so stock Node.js dashboards work unchanged.
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
