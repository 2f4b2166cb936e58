import { EMPTY_ENDPOINT, toNeuronInfo, type NeuronParts } from './neuron.mapper';

const parts: NeuronParts = {
  uid: 3,
  hotkey: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  coldkey: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
  active: true,
  axon: { block: 40n, version: 10002000, ip: 3325256714n, port: 8091, ipType: 4, protocol: 4 },
  prometheus: EMPTY_ENDPOINT,
  stakeRao: 1_500_000_000n,
  rootStakeRao: 10_000_000_000n,
  rank: 0,
  trust: 0,
  consensus: 32768,
  incentive: 65535,
  dividends: 13107,
  validatorTrust: 0,
  pruningScore: 65535,
  validatorPermit: true,
  emissionRao: 250_000_000n,
  lastUpdate: 120n,
  blockAtRegistration: 7n,
};

describe('toNeuronInfo', () => {
  it('normalises u16 scores by 65535 and rao by 1e9 as the SDK does', () => {
    const neuron = toNeuronInfo(1, parts);
    expect(neuron.incentive).toBe(1);
    expect(neuron.consensus).toBeCloseTo(32768 / 65535, 15);
    expect(neuron.dividends).toBeCloseTo(0.2, 15);
    expect(neuron.emission).toBe(0.25);
    expect(neuron.stake).toBe(1.5);
    expect(neuron.stakeRao).toBe(1_500_000_000n);
    expect(neuron.pruningScore).toBe(65535);
  });

  it('weights root stake by 0.18 next to alpha stake on a subnet', () => {
    const neuron = toNeuronInfo(1, parts);
    expect(neuron.alphaStake).toBe(1.5);
    expect(neuron.taoStake).toBeCloseTo(1.8, 12);
    expect(neuron.totalStake).toBeCloseTo(3.3, 12);
  });

  it('uses the TAO stake for every stake figure on the root subnet', () => {
    const neuron = toNeuronInfo(0, parts);
    expect([neuron.stake, neuron.alphaStake, neuron.taoStake, neuron.totalStake]).toEqual([1.5, 1.5, 1.5, 1.5]);
  });

  it('renders the axon IP and whether it serves', () => {
    expect(toNeuronInfo(1, parts).axon).toEqual({
      block: 40,
      version: 10002000,
      ip: '198.51.100.10',
      port: 8091,
      ipType: 4,
      protocol: 4,
      isServing: true,
    });
    expect(toNeuronInfo(1, { ...parts, axon: EMPTY_ENDPOINT }).axon.isServing).toBe(false);
  });
});
