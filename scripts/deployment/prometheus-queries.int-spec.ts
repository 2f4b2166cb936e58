import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startChild, type SupervisedChild } from '@taonode/process';
import {
  type AppProcess,
  type LaunchedDevnet,
  type LaunchedRedis,
  startAppProcess,
  startDevnet,
  startRedisServer,
} from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import { prometheusScrapeConfig } from '../../apps/cli/src/commands/start/prometheus-config';
import { ALERTS_FILE, observabilityQueries } from './deployment-files';
import { metricNamesIn } from './promql-metric-names';

const NETUID = 1;
const hasPrometheus = spawnSync('prometheus', ['--version']).status === 0;

interface ApiAnswer<T> {
  readonly status: 'success' | 'error';
  readonly data: T;
  readonly error?: string;
}

async function api<T>(base: string, path: string): Promise<ApiAnswer<T>> {
  const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) });
  return (await response.json()) as ApiAnswer<T>;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The metric families a service declares on /metrics (`# TYPE name kind`), with a histogram's series names. */
async function declaredMetrics(opsUrl: string): Promise<string[]> {
  const text = await (await fetch(`${opsUrl}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  return [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name = '', kind]) =>
    kind === 'histogram' || kind === 'summary' ? [name, `${name}_bucket`, `${name}_sum`, `${name}_count`] : [name],
  );
}

/**
 * The stack's services as processes (real chain-sync on the devnet, real Redis, the miner and validator services)
 * scraped by a real Prometheus with the scrape configuration `taonode start` writes, plus our alerting rules.
 * Every dashboard and alert expression is then evaluated through Prometheus's HTTP API.
 */
(hasPrometheus ? describe : describe.skip)('dashboards and alerts against a real Prometheus', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'taonode-prometheus-'));
  const walletPath = join(workDir, 'wallets');
  let redis: LaunchedRedis;
  let devnet: LaunchedDevnet;
  const services: Record<string, AppProcess> = {};
  let prometheus: SupervisedChild;
  let prometheusUrl: string;

  beforeAll(async () => {
    redis = await startRedisServer();
    devnet = await startDevnet({ blockTimeMs: 250 });
    for (const [name, uri] of [
      ['validator', '//Alice'],
      ['miner', '//Bob'],
    ] as const) {
      await new Wallet({ name, hotkey: 'default', path: walletPath }).hotkeyFile.writeKeypair(Keypair.fromUri(uri));
    }
    const grpcPort = await freePort();
    const metagraph = `127.0.0.1:${grpcPort}`;
    const common = { REDIS_URL: redis.url, NETUID: String(NETUID), WALLET_PATH: walletPath };
    services['chain-sync'] = await startAppProcess('chain-sync', {
      REDIS_URL: redis.url,
      SUBTENSOR_CHAIN_ENDPOINT: devnet.url,
      NETUIDS: String(NETUID),
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(grpcPort),
      CHAIN_SYNC_BLOCK_TIME_MS: '250',
      CHAIN_SYNC_METAGRAPH_SOURCE: 'storage',
    });
    const [worker, gateway, scorer, weightSetter] = await Promise.all([
      startAppProcess('inference-worker', {
        REDIS_URL: redis.url,
        INFERENCE_MODEL_REPOSITORY: join(workDir, 'models'),
      }),
      startAppProcess('axon-gateway', {
        ...common,
        METAGRAPH_GRPC_URL: metagraph,
        WALLET_NAME: 'miner',
        WALLET_HOTKEY: 'default',
        AXON_HOST: '127.0.0.1',
        AXON_PORT: String(await freePort()),
      }),
      startAppProcess('validator-scorer', {
        ...common,
        METAGRAPH_GRPC_URL: metagraph,
        WALLET_NAME: 'validator',
        WALLET_HOTKEY: 'default',
      }),
      startAppProcess('weight-setter', {
        ...common,
        SUBTENSOR_CHAIN_ENDPOINT: devnet.url,
        METAGRAPH_GRPC_URL: metagraph,
        WALLET_NAME: 'validator',
        WALLET_HOTKEY: 'default',
        WEIGHTS_DRY_RUN: 'true',
      }),
    ]);
    Object.assign(services, {
      'inference-worker': worker,
      'axon-gateway': gateway,
      'validator-scorer': scorer,
      'weight-setter': weightSetter,
    });

    const opsUrls = Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.opsUrl]));
    const configFile = join(workDir, 'prometheus.yml');
    writeFileSync(configFile, `${prometheusScrapeConfig(opsUrls, 1)}rule_files:\n  - ${JSON.stringify(ALERTS_FILE)}\n`);
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = await startChild({
      name: 'prometheus',
      command: 'prometheus',
      args: [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${join(workDir, 'tsdb')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      readyUrl: `${prometheusUrl}/-/ready`,
      readyTimeoutMs: 120_000,
      ports: [port],
      stopGraceMs: 5_000,
    });
    // Every target scraped successfully at least twice, so rate() over the smallest windows has samples.
    await until('every target up', async () => {
      const { data } = await api<{ activeTargets: { health: string; labels: { job: string } }[] }>(
        prometheusUrl,
        '/api/v1/targets',
      );
      const jobs = new Set(data.activeTargets.filter((target) => target.health === 'up').map((t) => t.labels.job));
      return Object.keys(services).every((name) => jobs.has(name)) ? true : undefined;
    });
    await until('a second scrape', async () => {
      const { data } = await api<{ result: unknown[] }>(prometheusUrl, '/api/v1/query?query=count_over_time(up[1m])>1');
      return data.result.length >= Object.keys(services).length ? true : undefined;
    });
  }, 600_000);

  afterAll(async () => {
    await prometheus?.stop();
    await Promise.all(Object.values(services).map((service) => service.stop()));
    await devnet?.stop();
    await redis?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }, 120_000);

  it('loads every alerting rule group from docker/prometheus/alerts.yml', async () => {
    const { status, data } = await api<{ groups: { name: string; rules: { name: string; health: string }[] }[] }>(
      prometheusUrl,
      '/api/v1/rules',
    );
    expect(status).toBe('success');
    expect(data.groups.map((group) => group.name).sort()).toEqual([
      'taonode-chain',
      'taonode-miner',
      'taonode-platform',
      'taonode-validator',
    ]);
    const unhealthy = data.groups.flatMap((group) => group.rules).filter((rule) => rule.health === 'err');
    expect(unhealthy).toEqual([]);
  });

  it('scrapes the metrics the dashboards are built on from the running services', async () => {
    const { data: names } = await api<string[]>(prometheusUrl, '/api/v1/label/__name__/values');
    for (const name of [
      'up',
      'process_resident_memory_bytes',
      'taonode_chain_sync_finalized_block',
      'taonode_gateway_queue_depth_jobs',
      'taonode_inference_batch_size_bucket',
      'taonode_weight_setter_blocks_since_last_set_blocks',
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(observabilityQueries().map((query) => [query.source, query.expr]))(
    '%s parses in Prometheus and names only metrics the services expose',
    async (_source, expr) => {
      const answer = await api<unknown>(prometheusUrl, `/api/v1/query?query=${encodeURIComponent(expr)}`);
      expect([answer.status, answer.error]).toEqual(['success', undefined]);
      // Scraped series, plus families a service declares before its first sample (labelled counters such as
      // blacklist reasons have no series until the first event).
      const { data: scraped } = await api<string[]>(prometheusUrl, '/api/v1/label/__name__/values');
      const declared = (
        await Promise.all(Object.values(services).map((service) => declaredMetrics(service.opsUrl)))
      ).flat();
      const exposed = new Set([...scraped, ...declared]);
      expect(metricNamesIn(expr).filter((name) => !exposed.has(name))).toEqual([]);
    },
  );
});

if (!hasPrometheus) {
  describe('dashboards and alerts against a real Prometheus', () => {
    it('is skipped: prometheus is not on the PATH (apt-get install prometheus; .ci/run installs it)', () => {
      expect(hasPrometheus).toBe(false);
    });
  });
}
