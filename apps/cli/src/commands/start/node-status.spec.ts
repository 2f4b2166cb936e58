import { type NodeStatus, sampleValue, statusLines } from './node-status';

const EXPOSITION = [
  '# HELP taonode_gateway_requests_total Requests',
  '# TYPE taonode_gateway_requests_total counter',
  'taonode_gateway_requests_total{synapse="Dummy",status="200"} 40',
  'taonode_gateway_requests_total{synapse="TextGeneration",status="200"} 2',
  'taonode_gateway_requests_total_extra 1000',
  'taonode_scorer_rounds_total{outcome="completed"} 3',
  'taonode_scorer_rounds_total{outcome="failed"} 1',
  'taonode_scorer_last_round_block 118',
].join('\n');

describe('the live view of taonode start', () => {
  it('sums a metric over its label sets, and only that metric', () => {
    expect(sampleValue(EXPOSITION, 'taonode_gateway_requests_total')).toBe(42);
    expect(sampleValue(EXPOSITION, 'taonode_scorer_rounds_total', { outcome: 'completed' })).toBe(3);
    expect(sampleValue(EXPOSITION, 'taonode_scorer_last_round_block')).toBe(118);
    expect(sampleValue(EXPOSITION, 'taonode_missing_total')).toBe(0);
  });

  it('shows each service up or down, the axon rate, the last round and when weights last landed', () => {
    const status: NodeStatus = {
      health: new Map([
        ['chain-sync', true],
        ['axon-gateway', false],
      ]),
      axonRequests: 42,
      axonRequestsPerSecond: 2.5,
      roundsCompleted: 3,
      lastRoundBlock: 118,
      blocksSinceWeights: 4,
      weightsSubmissions: 2,
      sampledAtMs: 0,
    };
    expect(statusLines(status)).toEqual([
      'services   chain-sync up  axon-gateway DOWN',
      'miner      axon 2.5 requests/s (42 answered)',
      'validator  last round at block 118 (3 done); weights set 2 times, last 4 blocks ago',
    ]);
    expect(
      statusLines({ ...status, axonRequestsPerSecond: null, lastRoundBlock: null, blocksSinceWeights: null }),
    ).toEqual([
      'services   chain-sync up  axon-gateway DOWN',
      'miner      axon … requests/s (42 answered)',
      'validator  no round yet; weights not set yet',
    ]);
  });
});
