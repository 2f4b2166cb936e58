import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from '@taonode/config';
import { OpsServer } from '@taonode/observability';
import type { KitConfig } from './service-kit.module';

/** A created (not yet listening) Nest application or microservice. */
export interface StartableApp extends INestApplicationContext {
  useLogger(logger: Logger): unknown;
}

/** A service once {@link startService} returned: where its ops server listens. */
export interface StartedService<A extends StartableApp> {
  readonly app: A;
  /** Bound ops port (useful with `OPS_PORT=0`). */
  readonly opsPort: number;
}

/**
 * The one start sequence of every service, shared by `main.ts` and the test harnesses: the pino logger takes
 * over the buffered logs, shutdown hooks close everything on SIGTERM/SIGINT, the ops server (`/metrics`,
 * `/health`, `/ready`) listens on `OPS_HOST:OPS_PORT`, then the app's own `listen` (gRPC server, HTTP port).
 */
export async function startService<A extends StartableApp>(
  app: A,
  listen: (app: A) => Promise<unknown>,
): Promise<StartedService<A>> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get<KitConfig>(APP_CONFIG);
  const opsPort = await app.get(OpsServer).listen(config.ops.port, config.ops.host);
  await listen(app);
  return { app, opsPort };
}

/**
 * Runs a service's bootstrap from `main.ts`: a failure before the logger could take over (invalid environment,
 * port in use) is printed as one line on stderr and the process exits non-zero.
 */
export function runMain(service: string, bootstrap: () => Promise<unknown>): void {
  bootstrap().catch((error: unknown) => {
    process.stderr.write(`${service}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
