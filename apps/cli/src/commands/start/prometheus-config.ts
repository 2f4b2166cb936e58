import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A Prometheus scrape configuration for every service the local node started (one job per service, its ops
 * port), written beside the node's data so an operator can run `prometheus --config.file=<it>` and see the same
 * metrics the compose deployment scrapes.
 */
export function prometheusScrapeConfig(opsUrls: Readonly<Record<string, string>>, intervalSeconds = 5): string {
  const jobs = Object.entries(opsUrls).map(([name, url]) => {
    const target = new URL(url).host;
    return [
      `  - job_name: ${JSON.stringify(name)}`,
      '    static_configs:',
      `      - targets: [${JSON.stringify(target)}]`,
    ].join('\n');
  });
  return [
    '# Written by `taonode start` for the processes it runs; rewritten on every start.',
    'global:',
    `  scrape_interval: ${intervalSeconds}s`,
    `  evaluation_interval: ${intervalSeconds}s`,
    'scrape_configs:',
    ...jobs,
    '',
  ].join('\n');
}

/** Writes {@link prometheusScrapeConfig} to `<dataDirectory>/prometheus.yml` and returns its path. */
export async function writePrometheusConfig(
  dataDirectory: string,
  opsUrls: Readonly<Record<string, string>>,
): Promise<string> {
  const file = join(dataDirectory, 'prometheus.yml');
  await writeFile(file, prometheusScrapeConfig(opsUrls));
  return file;
}
