import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

/** The checkout's root, where docker-compose.yml and docker/ live. */
export const REPO_ROOT = join(__dirname, '..', '..');
export const DOCKER_DIR = join(REPO_ROOT, 'docker');
export const DASHBOARDS_DIR = join(DOCKER_DIR, 'grafana', 'dashboards');
export const ALERTS_FILE = join(DOCKER_DIR, 'prometheus', 'alerts.yml');

/** Reads a YAML file with merge keys (`<<: *anchor`) resolved, as Compose and Prometheus read them. */
export function readYaml(file: string): unknown {
  return YAML.parse(readFileSync(file, 'utf8'), { merge: true });
}

/** One PromQL expression of a dashboard panel or an alerting rule, with where it comes from. */
export interface ObservabilityQuery {
  readonly source: string;
  readonly expr: string;
}

interface DashboardFile {
  readonly uid: string;
  readonly panels: readonly {
    readonly title: string;
    readonly datasource: unknown;
    readonly targets: readonly { readonly expr: string; readonly datasource: unknown }[];
  }[];
}

interface AlertsFile {
  readonly groups: readonly { readonly rules: readonly { readonly alert: string; readonly expr: string }[] }[];
}

export function dashboardFiles(): { readonly file: string; readonly dashboard: DashboardFile }[] {
  return readdirSync(DASHBOARDS_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      file,
      dashboard: JSON.parse(readFileSync(join(DASHBOARDS_DIR, file), 'utf8')) as DashboardFile,
    }));
}

export function alertRules(): AlertsFile['groups'][number]['rules'] {
  return (readYaml(ALERTS_FILE) as AlertsFile).groups.flatMap((group) => group.rules);
}

/** Every PromQL expression of every dashboard panel and every alerting rule. */
export function observabilityQueries(): ObservabilityQuery[] {
  const panels = dashboardFiles().flatMap(({ file, dashboard }) =>
    dashboard.panels.flatMap((panel) =>
      panel.targets.map((target) => ({ source: `${file}: ${panel.title}`, expr: target.expr })),
    ),
  );
  const rules = alertRules().map((rule) => ({ source: `alerts.yml: ${rule.alert}`, expr: rule.expr }));
  return [...panels, ...rules];
}

/** Metric names every Node service exposes besides its catalogue (prom-client defaults) and Prometheus's `up`. */
export function isStandardMetric(name: string): boolean {
  return name === 'up' || name.startsWith('process_') || name.startsWith('nodejs_');
}

/**
 * Every metric name declared in an app's `metrics.ts` catalogue, with the series names a histogram adds
 * (`_bucket`, `_sum`, `_count`).
 */
export function catalogueMetricNames(): Set<string> {
  const names = new Set<string>();
  const appsDir = join(REPO_ROOT, 'apps');
  for (const app of readdirSync(appsDir)) {
    const file = join(appsDir, app, 'src', 'metrics.ts');
    if (!existsSync(file)) {
      continue; // an app without a catalogue (cli, devnet)
    }
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/new (Counter|Gauge|Histogram|Summary)\(\{\s*name: '([a-z0-9_:]+)'/g)) {
      const [, kind, name] = match;
      if (name === undefined) {
        continue;
      }
      names.add(name);
      if (kind === 'Histogram' || kind === 'Summary') {
        for (const suffix of ['_bucket', '_sum', '_count']) {
          names.add(`${name}${suffix}`);
        }
      }
    }
  }
  return names;
}
