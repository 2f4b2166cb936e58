import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeStageMeans, readStageTotals } from './gateway-stages';

/** A /metrics text in prom-client's exposition format, with the service label the gateway adds. */
function exposition(parse: [number, number], inference: [number, number]): string {
  return [
    '# HELP taonode_gateway_stage_duration_seconds Time spent per request stage',
    '# TYPE taonode_gateway_stage_duration_seconds histogram',
    'taonode_gateway_stage_duration_seconds_bucket{le="0.0005",stage="parse",service="axon-gateway"} 7',
    `taonode_gateway_stage_duration_seconds_sum{stage="parse",service="axon-gateway"} ${parse[0]}`,
    `taonode_gateway_stage_duration_seconds_count{stage="parse",service="axon-gateway"} ${parse[1]}`,
    `taonode_gateway_stage_duration_seconds_sum{stage="inference",service="axon-gateway"} ${inference[0]}`,
    `taonode_gateway_stage_duration_seconds_count{stage="inference",service="axon-gateway"} ${inference[1]}`,
    'taonode_gateway_stage_duration_seconds_sum{stage="unknown_stage",service="axon-gateway"} 99',
    'taonode_gateway_requests_total{synapse="Dummy",status="200"} 12',
    '',
  ].join('\n');
}

describe('gateway stage means from /metrics', () => {
  let server: Server;
  let body = '';
  let url = '';

  beforeAll(async () => {
    server = createServer((_request, response) => response.end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("gives each stage's mean over the requests timed between two reads", async () => {
    body = exposition([0.5, 1000], [2, 1000]);
    const before = await readStageTotals(url);
    body = exposition([0.6, 1100], [2.5, 1100]);
    const after = await readStageTotals(url);
    expect(describeStageMeans(before, after)).toBe('parse 1.00 ms, inference 5.00 ms');
  });

  it('says so when no request was timed between the reads', async () => {
    body = exposition([0.5, 1000], [2, 1000]);
    const same = await readStageTotals(url);
    expect(describeStageMeans(same, same)).toBe('no stage was timed');
  });
});
