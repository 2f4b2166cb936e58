/**
 * What the compose test checks in the configuration `docker-compose config` resolves, before it starts anything:
 * every service on the host network (no traffic may leave loopback, and the engine has no bridge), and the host
 * ports the services will take, so a port already in use is named before `up` instead of surfacing as a crash loop.
 */

/** A service as `docker-compose config` prints it (only the keys read here). */
export interface ResolvedService {
  readonly network_mode?: string;
  readonly networks?: unknown;
  readonly ports?: readonly unknown[];
  readonly profiles?: readonly string[];
  readonly command?: readonly string[] | string;
  readonly environment?: Readonly<Record<string, string | number | null>>;
}

export interface ResolvedCompose {
  readonly services: Readonly<Record<string, ResolvedService>>;
  readonly networks?: Readonly<Record<string, unknown>>;
}

/** One port a service listens on in the host's network stack. */
export interface HostPort {
  readonly service: string;
  readonly port: number;
  readonly what: string;
}

/** Why `config` would give a container a network of its own; empty when every service is on the host network. */
export function hostNetworkViolations(config: ResolvedCompose): string[] {
  const violations = Object.entries(config.services).flatMap(([name, service]) => {
    const problems: string[] = [];
    if (service.network_mode !== 'host') {
      problems.push(`${name}: network_mode is ${service.network_mode ?? 'unset (a bridge network)'}, not host`);
    }
    if (service.networks !== undefined) {
      problems.push(`${name}: joins networks ${JSON.stringify(service.networks)}`);
    }
    if ((service.ports ?? []).length > 0) {
      problems.push(`${name}: publishes ports (host networking has none to publish)`);
    }
    return problems;
  });
  for (const network of Object.keys(config.networks ?? {})) {
    violations.push(`top-level network ${network} would be created`);
  }
  return violations;
}

/** Services of the default profile (no `profiles` key), as a plain `up` starts them. */
export function defaultProfileServices(config: ResolvedCompose): string[] {
  return Object.entries(config.services)
    .filter(([, service]) => (service.profiles ?? []).length === 0)
    .map(([name]) => name);
}

/** Environment variables that name a port our services listen on (libs/config fragments, the devnet healthcheck). */
const PORT_VARIABLES: Readonly<Record<string, string>> = {
  OPS_PORT: 'ops server',
  GRPC_PORT: 'gRPC server',
  AXON_PORT: 'axon',
  HEALTHCHECK_TCP_PORT: 'listening port',
};

/** Command-line forms of a listening port: `--port N` (redis-server, the devnet), `--web.listen-address=host:N`. */
function commandPorts(command: readonly string[] | string | undefined): { port: number; what: string }[] {
  const args = typeof command === 'string' ? command.split(/\s+/) : (command ?? []);
  const ports: { port: number; what: string }[] = [];
  args.forEach((arg, index) => {
    if (arg === '--port' && args[index + 1] !== undefined) {
      ports.push({ port: Number(args[index + 1]), what: '--port' });
    }
    const listen = /^--web\.listen-address=.*:(\d+)$/.exec(arg);
    if (listen?.[1] !== undefined) {
      ports.push({ port: Number(listen[1]), what: 'web listen address' });
    }
  });
  return ports;
}

/** Every host port the given services listen on, once each (the devnet's healthcheck port is its --port). */
export function hostPortsOf(config: ResolvedCompose, services: readonly string[]): HostPort[] {
  const seen = new Map<number, HostPort>();
  for (const name of services) {
    const service = config.services[name];
    if (service === undefined) {
      continue;
    }
    const fromEnv = Object.entries(service.environment ?? {})
      .filter(([key]) => key in PORT_VARIABLES)
      .map(([key, value]) => ({ port: Number(value), what: PORT_VARIABLES[key] ?? key }));
    for (const { port, what } of [...fromEnv, ...commandPorts(service.command)]) {
      if (Number.isInteger(port) && port > 0 && !seen.has(port)) {
        seen.set(port, { service: name, port, what });
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.port - b.port);
}

/** Ports two services would both listen on (each a bug under host networking: one of them cannot start). */
export function sharedPorts(config: ResolvedCompose, services: readonly string[]): string[] {
  const owners = new Map<number, Set<string>>();
  for (const name of services) {
    for (const { port } of hostPortsOf(config, [name])) {
      owners.set(port, (owners.get(port) ?? new Set()).add(name));
    }
  }
  return [...owners.entries()]
    .filter(([, names]) => names.size > 1)
    .map(([port, names]) => `port ${port}: ${[...names].join(', ')}`);
}
