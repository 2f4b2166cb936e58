import { metagraphV1 as pb } from '@taonode/proto';
import { buildMetagraph } from '@taonode/testing';
import { toProtoHead, toProtoMetagraph } from './metagraph.mapper';

describe('metagraph mapper', () => {
  const metagraph = buildMetagraph({ netuid: 3, block: 123, n: 2 });
  const wire = toProtoMetagraph(metagraph);

  it('carries every field of the domain metagraph, neuron, axon and hyperparameters under the same names', () => {
    const neuron = metagraph.neurons[0];
    const wireNeuron = wire.neurons[0];
    expect(Object.keys(wire).sort()).toEqual(Object.keys(metagraph).sort());
    expect(Object.keys(wireNeuron ?? {}).sort()).toEqual(Object.keys(neuron ?? {}).sort());
    expect(Object.keys(wireNeuron?.axon ?? {}).sort()).toEqual(Object.keys(neuron?.axon ?? {}).sort());
    expect(Object.keys(wire.hyperparameters ?? {}).sort()).toEqual(Object.keys(metagraph.hyperparameters).sort());
  });

  it('writes u64 values as exact decimal strings and keeps floats as they are', () => {
    expect(wire.block).toBe('123');
    expect(wire.neurons[1]).toMatchObject({
      emissionRao: '9000000000000000002',
      stakeRao: '2000000123',
      stake: 2.000000123,
      lastUpdate: '101',
      consensus: 1 / 65535,
    });
    expect(wire.hyperparameters).toMatchObject({
      burnRao: '1000000000',
      weightsRateLimit: '100',
      difficulty: '10000000',
    });
  });

  it('maps the read source to the proto enum', () => {
    expect(wire.source).toBe(pb.MetagraphSource.METAGRAPH_SOURCE_RUNTIME_API);
    expect(toProtoMetagraph({ ...metagraph, source: 'storage' }).source).toBe(
      pb.MetagraphSource.METAGRAPH_SOURCE_STORAGE,
    );
  });

  it('reports block 0 and an empty hash before the first head', () => {
    expect(toProtoHead({ head: undefined, connected: false, headAgeMs: 2500, stalled: false })).toEqual({
      block: '0',
      blockHash: '',
      connected: false,
      stale: true,
      ageSeconds: 2.5,
    });
  });
});
