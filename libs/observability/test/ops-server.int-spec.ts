import { Logger } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { createMetricsRegistry } from '../src/metrics/metrics-registry';
import type { ProbeResult } from '../src/ops/ops-probes';
import { OpsServer } from '../src/ops/ops-server';

describe('OpsServer over real HTTP', () => {
  let registry: Registry;
  let healthy: ProbeResult;
  let ready: ProbeResult;
  let server: OpsServer;
  let base: string;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(async () => {
    registry = createMetricsRegistry({ service: 'ops-test', defaultMetrics: false });
    new Counter({ name: 'taonode_test_things_total', help: 'things', registers: [registry] }).inc(3);
    healthy = { ok: true, details: { lastHead: 7 } };
    ready = { ok: false, details: { reason: 'no snapshot yet' } };
    server = new OpsServer(registry, { health: () => healthy, readiness: () => Promise.resolve(ready) });
    const port = await server.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });

  afterEach(async () => {
    await server.onApplicationShutdown();
  });

  it('serves the registry in Prometheus text format with the service label', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('taonode_test_things_total{service="ops-test"} 3');
  });

  it('answers /health and /ready with 200 or 503 following the probes, with their details', async () => {
    let res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, lastHead: 7 });
    res = await fetch(`${base}/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, reason: 'no snapshot yet' });

    healthy = { ok: false };
    ready = { ok: true };
    expect((await fetch(`${base}/health`)).status).toBe(503);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('answers 404 for unknown paths and 405 for writes', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/health`, { method: 'POST' })).status).toBe(405);
  });

  it('stops accepting connections after shutdown', async () => {
    await server.onApplicationShutdown();
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});
