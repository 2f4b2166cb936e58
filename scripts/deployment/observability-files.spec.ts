import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  alertRules,
  catalogueMetricNames,
  dashboardFiles,
  DOCKER_DIR,
  isStandardMetric,
  observabilityQueries,
  readYaml,
} from './deployment-files';
import { metricNamesIn } from './promql-metric-names';

const PROMETHEUS_DIR = join(DOCKER_DIR, 'prometheus');
const DATASOURCE = { type: 'prometheus', uid: 'prometheus' };
const hasPromtool = spawnSync('promtool', ['--version']).status === 0;

describe('dashboards and alerting rules', () => {
  const catalogue = catalogueMetricNames();

  it('reads a catalogue from the apps (sanity: a known metric of each app)', () => {
    for (const name of [
      'taonode_chain_sync_finalized_block',
      'taonode_gateway_requests_total',
      'taonode_inference_batch_size_bucket',
      'taonode_scorer_score',
      'taonode_weight_setter_blocks_since_last_set_blocks',
    ]) {
      expect(catalogue).toContain(name);
    }
  });

  it.each(observabilityQueries().map((query) => [query.source, query.expr]))(
    '%s names only metrics of the apps catalogues',
    (_source, expr) => {
      const names = metricNamesIn(expr);
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => !catalogue.has(name) && !isStandardMetric(name))).toEqual([]);
    },
  );

  it('gives every dashboard a stable kebab-case uid and every panel the provisioned datasource', () => {
    const files = dashboardFiles();
    expect(files.map(({ file }) => file).sort()).toEqual([
      'chain.json',
      'miner.json',
      'overview.json',
      'validator.json',
    ]);
    for (const { dashboard } of files) {
      expect(dashboard.uid).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const panel of dashboard.panels) {
        expect(panel.datasource).toEqual(DATASOURCE);
        for (const target of panel.targets) {
          expect(target.datasource).toEqual(DATASOURCE);
        }
      }
    }
  });

  it('provisions the datasource with uid prometheus, not editable, and the dashboards in folder taonode', () => {
    const datasources = readYaml(join(DOCKER_DIR, 'grafana', 'provisioning', 'datasources', 'prometheus.yml')) as {
      datasources: { uid: string; type: string; editable: boolean }[];
    };
    expect(datasources.datasources).toEqual([
      expect.objectContaining({ uid: 'prometheus', type: 'prometheus', editable: false }),
    ]);
    const providers = readYaml(join(DOCKER_DIR, 'grafana', 'provisioning', 'dashboards', 'dashboards.yml')) as {
      providers: { type: string; folder: string; options: { path: string } }[];
    };
    expect(providers.providers.map(({ type, folder, options }) => ({ type, folder, path: options.path }))).toEqual([
      { type: 'file', folder: 'taonode', path: '/var/lib/grafana/dashboards' },
    ]);
  });

  it('scrapes every taonode service by DNS service discovery (every replica) on the ops port', () => {
    const config = readYaml(join(PROMETHEUS_DIR, 'prometheus.yml')) as {
      scrape_configs: { job_name: string; dns_sd_configs?: { names: string[]; type: string; port: number }[] }[];
    };
    for (const job of ['chain-sync', 'axon-gateway', 'inference-worker', 'validator-scorer', 'weight-setter']) {
      const scrape = config.scrape_configs.find((entry) => entry.job_name === job);
      expect(scrape?.dns_sd_configs).toEqual([expect.objectContaining({ type: 'A', port: 9464 })]);
    }
  });

  it('has an alert for each way operators lose money', () => {
    const exprs = alertRules()
      .map((rule) => rule.expr)
      .join('\n');
    for (const metric of [
      'taonode_weight_setter_blocks_since_last_set_blocks',
      'taonode_gateway_requests_total',
      'taonode_chain_sync_head_lag_blocks',
      'taonode_chain_sync_finalized_block',
      'taonode_gateway_queue_depth_jobs',
      'up',
    ]) {
      expect(exprs).toContain(metric);
    }
  });

  (hasPromtool ? it : it.skip)('pass their promtool unit tests (alerts.test.yml)', () => {
    const check = spawnSync('promtool', ['check', 'rules', 'alerts.yml'], { cwd: PROMETHEUS_DIR, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('SUCCESS');
    expect(check.status).toBe(0);
    const result = spawnSync('promtool', ['test', 'rules', 'alerts.test.yml'], {
      cwd: PROMETHEUS_DIR,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  if (!hasPromtool) {
    it('skips the promtool rule tests: promtool is not on the PATH (apt-get install prometheus)', () => {
      expect(hasPromtool).toBe(false);
    });
  }
});
