import { z } from 'zod';
import { portVar } from './env-parsers';

/** `OPS_HOST`/`OPS_PORT`: the ops server (`/metrics`, `/health`, `/ready`), separate from public and gRPC ports. */
export const opsEnv = z.object({
  OPS_HOST: z.string().trim().min(1).default('0.0.0.0'),
  OPS_PORT: portVar.default(9464),
});

export interface OpsConfig {
  readonly host: string;
  readonly port: number;
}

export function opsConfig(env: z.output<typeof opsEnv>): OpsConfig {
  return { host: env.OPS_HOST, port: env.OPS_PORT };
}
