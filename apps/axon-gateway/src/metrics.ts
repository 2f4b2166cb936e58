import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Stages of one request, as timed by `taonode_gateway_stage_duration_seconds`. */
export type RequestStage = 'parse' | 'verify' | 'queue_wait' | 'inference' | 'total';

/** Why the blacklist refused a caller (bounded label values). */
export type BlacklistReason =
  'denied' | 'unregistered' | 'stake_below_minimum' | 'no_validator_permit' | 'no_metagraph';

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 12];

/**
 * Every metric axon-gateway exports: the contract of its dashboard. Labels are bounded: `synapse` takes the served
 * synapse names or `unknown`, `status` the HTTP statuses the gateway answers, `reason` a {@link BlacklistReason}.
 */
export function createGatewayMetrics(registry: Registry) {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'taonode_gateway_requests_total',
      help: 'Requests answered, by synapse and HTTP status',
      labelNames: ['synapse', 'status'] as const,
      registers,
    }),
    stageDuration: new Histogram({
      name: 'taonode_gateway_stage_duration_seconds',
      help: 'Time spent per request stage (parse, verify, queue_wait, inference, total)',
      labelNames: ['stage'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    blacklisted: new Counter({
      name: 'taonode_gateway_blacklisted_total',
      help: 'Callers refused by the blacklist, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: 'taonode_gateway_rate_limited_total',
      help: 'Requests refused by the per-IP rate limit',
      registers,
    }),
    shed: new Counter({
      name: 'taonode_gateway_shed_total',
      help: 'Requests shed under overload (503), by how far the claimed hotkey was believed (proven on its connection, unproven, suspect: from an address that recently sent a forged signature)',
      labelNames: ['standing'] as const,
      registers,
    }),
    connectionsRefused: new Counter({
      name: 'taonode_gateway_connections_refused_total',
      help: 'Connections closed as soon as accepted: the client IP held its share (per_ip) or the gateway was full (total)',
      labelNames: ['reason'] as const,
      registers,
    }),
    connectionsEvicted: new Counter({
      name: 'taonode_gateway_connections_evicted_total',
      help: 'Unproven connections (no verified answer yet) closed to admit a newer one from an IP that held its share',
      registers,
    }),
    inFlight: new Gauge({
      name: 'taonode_gateway_in_flight_requests',
      help: 'Requests admitted and not yet answered',
      registers,
    }),
    queueDepth: new Gauge({
      name: 'taonode_gateway_queue_depth_jobs',
      help: 'Jobs waiting in queue inference (sampled on scrape; a synapse-batch job counts once)',
      registers,
    }),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
