import { z } from 'zod';
import { portVar } from './env-parsers';

/** `OPS_HOST`/`OPS_PORT`: the ops server (`/metrics`, `/health`, `/ready`), separate from public and gRPC ports. */
export const opsEnv = z.object({
  // Loopback unless the deployment opens it (containers set 0.0.0.0): internal servers are not public endpoints.
  OPS_HOST: z.string().trim().min(1).default('127.0.0.1'),
  OPS_PORT: portVar.default(9464),
});

export interface OpsConfig {
  readonly host: string;
  readonly port: number;
}

export function opsConfig(env: z.output<typeof opsEnv>): OpsConfig {
  return { host: env.OPS_HOST, port: env.OPS_PORT };
}
