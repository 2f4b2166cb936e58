import { parseEnv } from '@taonode/config';
import { kserveConfigSchema } from './config';
import { KserveServer } from './kserve.server';

async function main(): Promise<void> {
  const config = parseEnv(kserveConfigSchema, process.env);
  const server = new KserveServer(config.server);
  const port = await server.listen(config.host, config.port);
  process.stdout.write(`kserve-server: listening on ${config.host}:${port}\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`kserve-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
