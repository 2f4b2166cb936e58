import { createServer, type RequestListener } from 'node:http';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/** Largest request head: 16 KB, as h11 (the Python axon's HTTP parser) allows; Node answers 431 beyond it. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * How often Node looks for connections past their header or request timeout. Its default (30 s) would let a
 * client dribbling bytes hold a connection far past `AXON_HEADERS_TIMEOUT_MS`.
 */
const CONNECTIONS_CHECK_INTERVAL_MS = 250;

/**
 * The Fastify adapter of the gateway. The node:http server is built here because its head limit and timeout check
 * interval are constructor-only; the configured timeouts are applied by `AxonHttpServer` once config is validated.
 */
export function axonFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    serverFactory: (handler: RequestListener) =>
      createServer(
        { maxHeaderSize: MAX_HEADER_BYTES, connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS },
        handler,
      ),
  });
}
