import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../metrics/metrics-registry';
import { OPS_PROBES, type OpsProbes, type ProbeResult } from './ops-probes';

/**
 * The ops HTTP server on `OPS_PORT`: `/metrics` (Prometheus text), `/health` and `/ready` (200 or 503 with a JSON
 * body). It is a bare node:http server, apart from any public or gRPC port, so scrapes and probes never queue
 * behind traffic and a gateway's public middleware never sees them. Started from `main.ts`; closed on shutdown.
 */
@Injectable()
export class OpsServer implements OnApplicationShutdown {
  private readonly logger = new Logger(OpsServer.name);
  private server: Server | undefined;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(OPS_PROBES) private readonly probes: OpsProbes,
  ) {}

  /** Starts listening; resolves with the bound port (useful with port 0). */
  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.logger.error({ err: error, url: req.url }, 'ops request failed');
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
        }
        res.end(JSON.stringify({ ok: false }));
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const bound = (server.address() as AddressInfo).port;
    this.logger.log({ port: bound }, 'ops server listening');
    return bound;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) {
      return;
    }
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://ops').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    switch (path) {
      case '/metrics': {
        const body = await this.registry.metrics();
        res.writeHead(200, { 'content-type': this.registry.contentType }).end(body);
        return;
      }
      case '/health':
        return this.answerProbe(res, await this.probes.health());
      case '/ready':
        return this.answerProbe(res, await this.probes.readiness());
      default:
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
    }
  }

  private answerProbe(res: ServerResponse, result: ProbeResult): void {
    res
      .writeHead(result.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify({ ok: result.ok, ...result.details }));
  }
}
