import { join } from 'node:path';
import { DOCKER_DIR, readYaml, REPO_ROOT } from './deployment-files';
import {
  defaultProfileServices,
  hostNetworkViolations,
  hostPortsOf,
  sharedPorts,
  type ResolvedCompose,
  type ResolvedService,
} from './docker/compose-host-network';

type Service = ResolvedService & {
  readonly init?: boolean;
  readonly image?: string;
  readonly healthcheck?: { readonly test?: readonly string[] };
  readonly environment?: Readonly<Record<string, string>>;
};
interface ComposeFile {
  readonly services: Readonly<Record<string, Service>>;
}

/** Compose's `${VAR:-default}` with no variable set, as a plain `docker-compose up` resolves it. */
const withDefaults = (value: string): string =>
  value.replace(/\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g, (_whole, fallback?: string) => fallback ?? '');

/** The override over the main file as Compose merges them: mappings (environment) key by key, the rest replaced. */
function merged(base: ComposeFile, override: ComposeFile): ResolvedCompose {
  const names = new Set([...Object.keys(base.services), ...Object.keys(override.services)]);
  const services = Object.fromEntries(
    [...names].map((name) => {
      const under = base.services[name] ?? {};
      const over = override.services[name] ?? {};
      const environment = Object.fromEntries(
        Object.entries({ ...under.environment, ...over.environment }).map(([key, value]) => [
          key,
          withDefaults(String(value)),
        ]),
      );
      const command = over.command ?? under.command;
      const resolvedCommand = Array.isArray(command) ? command.map((arg: string) => withDefaults(arg)) : command;
      return [name, { ...under, ...over, environment, command: resolvedCommand }];
    }),
  );
  return { services };
}

const base = readYaml(join(REPO_ROOT, 'docker-compose.yml')) as ComposeFile;
const override = readYaml(join(DOCKER_DIR, 'compose.host-network.yml')) as ComposeFile;
const stack = merged(base, override);
const defaultServices = defaultProfileServices(stack);

describe('docker/compose.host-network.yml over docker-compose.yml', () => {
  it('puts every service on the host network with an init process, and publishes no port', () => {
    expect(hostNetworkViolations(stack)).toEqual([]);
    for (const [name, service] of Object.entries(override.services)) {
      expect([name, service.network_mode, service.init]).toEqual([name, 'host', true]);
    }
    expect(Object.keys(override.services)).toEqual(expect.arrayContaining(Object.keys(base.services)));
  });

  it('gives every listening service a port of its own, clear of the bridge defaults and the usual host daemons', () => {
    expect(sharedPorts(stack, Object.keys(stack.services))).toEqual([]);
    const ports = hostPortsOf(stack, Object.keys(stack.services)).map(({ port }) => port);
    // redis, postgres, rabbitmq, mosquitto, nats on the host; then the ports every service has on a bridge.
    for (const taken of [6379, 5432, 5672, 1883, 4222, 9944, 9464, 9090, 3000, 8091, 50051]) {
      expect(ports).not.toContain(taken);
    }
    const opsPorts = Object.values(stack.services).map((service) => service.environment?.OPS_PORT);
    expect(opsPorts.filter((port) => port !== undefined)).toHaveLength(
      new Set(opsPorts.filter((port) => port !== undefined)).size,
    );
  });

  it('points every URL at loopback', () => {
    const urlVariables = [
      'REDIS_URL',
      'SUBTENSOR_CHAIN_ENDPOINT',
      'METAGRAPH_GRPC_URL',
      'TRITON_URL',
      'PROMETHEUS_URL',
    ];
    for (const [name, service] of Object.entries(stack.services)) {
      for (const variable of urlVariables) {
        const value = service.environment?.[variable];
        if (value !== undefined) {
          expect([name, variable, value]).toEqual([
            name,
            variable,
            expect.stringMatching(/^([a-z]+:\/\/)?127\.0\.0\.1:/),
          ]);
        }
      }
    }
  });

  it('runs two inference workers in the default profile, as the bridge stack does with replicas', () => {
    const workers = defaultServices.filter((name) => stack.services[name]?.environment?.INFERENCE_BACKEND === 'onnx');
    expect(workers).toHaveLength(2);
    expect(override.services['inference-worker-2']?.image).toBe(base.services['inference-worker']?.image);
  });

  it('has Prometheus scrape exactly the ops ports of the default profile', () => {
    const config = readYaml(join(DOCKER_DIR, 'prometheus', 'prometheus.host-network.yml')) as {
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const targets = config.scrape_configs
      .filter((job) => job.job_name !== 'prometheus')
      .flatMap((job) => job.static_configs.flatMap((entry) => entry.targets))
      .sort();
    const opsTargets = defaultServices
      .map((name) => stack.services[name]?.environment?.OPS_PORT)
      .filter((port): port is string => port !== undefined)
      .map((port) => `127.0.0.1:${port}`)
      .sort();
    expect(targets).toEqual(opsTargets);
  });
});

describe('hostNetworkViolations', () => {
  it('names a service left on a bridge, one joining networks, published ports and a top-level network', () => {
    const config: ResolvedCompose = {
      services: {
        ok: { network_mode: 'host' },
        bridged: {},
        joined: { network_mode: 'host', networks: { default: null } },
        published: { network_mode: 'host', ports: ['127.0.0.1:9944:9944'] },
      },
      networks: { default: {} },
    };
    expect(hostNetworkViolations(config)).toEqual([
      'bridged: network_mode is unset (a bridge network), not host',
      'joined: joins networks {"default":null}',
      'published: publishes ports (host networking has none to publish)',
      'top-level network default would be created',
    ]);
  });
});
