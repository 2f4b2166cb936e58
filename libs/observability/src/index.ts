export { type LoggerOptions, pinoParams, REDACTED_PATHS, redactLogArguments } from './logging/pino-params';
export { isSecretKey, REDACTED, redactSecrets, redactUrl } from './logging/redact';
export { createMetricsRegistry, METRICS_REGISTRY, type MetricsRegistryOptions } from './metrics/metrics-registry';
export { ObservabilityModule, type ObservabilityOptions, opsServerProviders } from './observability.module';
export { OPS_PROBES, type OpsProbes, type ProbeResult } from './ops/ops-probes';
export { OpsServer } from './ops/ops-server';
