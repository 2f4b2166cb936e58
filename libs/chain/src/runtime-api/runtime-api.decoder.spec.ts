import { TypeRegistry } from '@polkadot/types';
import { compactAddLength, compactToU8a, u8aConcat } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { isChainError } from '../errors/chain.error';
import { decodeNeuronLite, decodeNeurons, decodeNeuronsLite, unwrapRuntimeApiBytes } from './runtime-api.decoder';
import { SUBTENSOR_RUNTIME_API_TYPES } from './subtensor-runtime-api.types';

// Fixtures are assembled field by field from primitive codecs in the order subtensor.md §6.4 documents,
// so the test does not reuse the struct definitions under test.
const registry = new TypeRegistry();
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const CHARLIE = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';

const enc = (type: string, value: unknown): Uint8Array => registry.createType(type, value).toU8a();
const compact = (value: number | bigint): Uint8Array => compactToU8a(value);

function axonBytes(ip: bigint, port: number): Uint8Array {
  return u8aConcat(
    enc('u64', 12),
    enc('u32', 10002000),
    enc('u128', ip),
    enc('u16', port),
    enc('u8', 4),
    enc('u8', 4),
    enc('u8', 0),
    enc('u8', 0),
  );
}

function prometheusBytes(): Uint8Array {
  return u8aConcat(enc('u64', 0), enc('u32', 0), enc('u128', 0), enc('u16', 0), enc('u8', 0));
}

interface NeuronFixture {
  hotkey: string;
  coldkey: string;
  uid: number;
  stakeRao: bigint;
  incentive: number;
  lastUpdate: number;
  permit: boolean;
}

function neuronLiteFields(neuron: NeuronFixture): Uint8Array[] {
  return [
    decodeAddress(neuron.hotkey),
    decodeAddress(neuron.coldkey),
    compact(neuron.uid),
    compact(1),
    enc('bool', true),
    axonBytes(3325256714n, 8091 + neuron.uid),
    prometheusBytes(),
    compact(1),
    decodeAddress(neuron.coldkey),
    compact(neuron.stakeRao),
    compact(0),
    compact(1_000_000_000n),
    compact(neuron.incentive),
    compact(30000),
    compact(0),
    compact(65535),
    compact(100),
    compact(neuron.lastUpdate),
    enc('bool', neuron.permit),
  ];
}

const neurons: NeuronFixture[] = [
  { hotkey: ALICE, coldkey: BOB, uid: 0, stakeRao: 2_000_000_000_000n, incentive: 0, lastUpdate: 5, permit: true },
  { hotkey: CHARLIE, coldkey: BOB, uid: 1, stakeRao: 2n ** 60n, incentive: 65535, lastUpdate: 70000, permit: false },
];

function neuronsLiteBytes(list: NeuronFixture[]): Uint8Array {
  return u8aConcat(compact(list.length), ...list.flatMap((neuron) => [...neuronLiteFields(neuron), compact(65535)]));
}

describe('NeuronInfoRuntimeApi decoding', () => {
  it('decodes a typed Vec<NeuronInfoLite> field by field', () => {
    const decoded = decodeNeuronsLite(neuronsLiteBytes(neurons), 'typed');
    expect(decoded).toHaveLength(2);
    expect(decoded[0]).toEqual({
      hotkey: ALICE,
      coldkey: BOB,
      uid: 0,
      netuid: 1,
      active: true,
      axon: { block: 12n, version: 10002000, ip: 3325256714n, port: 8091, ipType: 4, protocol: 4 },
      prometheus: { block: 0n, version: 0, ip: 0n, port: 0, ipType: 0, protocol: 0 },
      stake: [[BOB, 2_000_000_000_000n]],
      rank: 0,
      emission: 1_000_000_000n,
      incentive: 0,
      consensus: 30000,
      trust: 0,
      validatorTrust: 65535,
      dividends: 100,
      lastUpdate: 5n,
      validatorPermit: true,
      pruningScore: 65535,
    });
    expect(decoded[1]).toMatchObject({
      hotkey: CHARLIE,
      uid: 1,
      stake: [[BOB, 2n ** 60n]],
      incentive: 65535,
      lastUpdate: 70000n,
    });
  });

  it('strips the Vec<u8> wrapper old runtimes put around the result', () => {
    const wrapped = compactAddLength(neuronsLiteBytes(neurons));
    expect(decodeNeuronsLite(wrapped, 'opaque')).toEqual(decodeNeuronsLite(neuronsLiteBytes(neurons), 'typed'));
  });

  it('tells wrapped from typed bytes by itself when the metadata cannot say (V14)', () => {
    const typed = neuronsLiteBytes(neurons);
    expect(decodeNeuronsLite(typed, 'unknown')).toEqual(decodeNeuronsLite(typed, 'typed'));
    expect(decodeNeuronsLite(compactAddLength(typed), 'unknown')).toEqual(decodeNeuronsLite(typed, 'typed'));
    expect(decodeNeuronsLite(compactAddLength(compact(0)), 'unknown')).toEqual([]);
    expect(decodeNeuronsLite(compact(0), 'unknown')).toEqual([]);
  });

  it('decodes Option<NeuronInfoLite>', () => {
    const some = u8aConcat(enc('u8', 1), ...neuronLiteFields(neurons[1] as NeuronFixture), compact(65535));
    expect(decodeNeuronLite(some, 'typed')?.hotkey).toBe(CHARLIE);
    expect(decodeNeuronLite(enc('u8', 0), 'typed')).toBeUndefined();
    expect(decodeNeuronLite(compactAddLength(some), 'unknown')?.uid).toBe(1);
  });

  it('decodes NeuronInfo with weights and bonds before the pruning score', () => {
    const neuron = neurons[0] as NeuronFixture;
    const bytes = u8aConcat(
      compact(1),
      ...neuronLiteFields(neuron),
      compact(2),
      compact(0),
      compact(65535),
      compact(1),
      compact(100),
      compact(0),
      compact(7),
    );
    const [decoded] = decodeNeurons(bytes, 'typed');
    expect(decoded?.weights).toEqual([
      [0, 65535],
      [1, 100],
    ]);
    expect(decoded?.bonds).toEqual([]);
    expect(decoded?.pruningScore).toBe(7);
  });

  it('fails with TAONODE_CHAIN_DECODE_ERROR when the layout does not match', () => {
    const truncated = neuronsLiteBytes(neurons).subarray(0, 150);
    const extended = u8aConcat(neuronsLiteBytes(neurons), new Uint8Array([1, 2, 3]));
    for (const bytes of [truncated, extended]) {
      let caught: unknown;
      try {
        decodeNeuronsLite(bytes, 'typed');
      } catch (error) {
        caught = error;
      }
      expect(isChainError(caught, 'TAONODE_CHAIN_DECODE_ERROR')).toBe(true);
    }
  });

  it('decodes whatever @polkadot/types encodes with the same layouts', () => {
    const polkadot = new TypeRegistry();
    polkadot.register(SUBTENSOR_RUNTIME_API_TYPES);
    const account = fc.uint8Array({ minLength: 32, maxLength: 32 });
    const u16 = fc.integer({ min: 0, max: 65535 });
    const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
    const endpoint = fc.record({
      block: u64,
      version: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      ip: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
      port: u16,
      ipType: fc.integer({ min: 0, max: 255 }),
      protocol: fc.integer({ min: 0, max: 255 }),
    });
    const neuron = fc.record({
      hotkey: account,
      coldkey: account,
      uid: u16,
      netuid: u16,
      active: fc.boolean(),
      axonInfo: endpoint.map((value) => ({ ...value, placeholder1: 0, placeholder2: 0 })),
      prometheusInfo: endpoint,
      stake: fc.array(fc.tuple(account, u64), { maxLength: 3 }),
      rank: u16,
      emission: u64,
      incentive: u16,
      consensus: u16,
      trust: u16,
      validatorTrust: u16,
      dividends: u16,
      lastUpdate: u64,
      validatorPermit: fc.boolean(),
      pruningScore: u16,
    });
    fc.assert(
      fc.property(fc.array(neuron, { maxLength: 4 }), (neurons) => {
        const bytes = polkadot.createType('Vec<TaonodeNeuronInfoLite>', neurons).toU8a();
        const decoded = decodeNeuronsLite(bytes, 'typed');
        expect(
          decoded.map((entry) => [entry.uid, entry.axon.ip, entry.emission, entry.lastUpdate, entry.stake.length]),
        ).toEqual(
          neurons.map((entry) => [entry.uid, entry.axonInfo.ip, entry.emission, entry.lastUpdate, entry.stake.length]),
        );
        expect(decoded.map((entry) => entry.prometheus.port)).toEqual(
          neurons.map((entry) => entry.prometheusInfo.port),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('refuses to strip bytes that are not a byte vector', () => {
    expect(() => unwrapRuntimeApiBytes(neuronsLiteBytes(neurons), 'opaque')).toThrow('length-prefixed');
  });
});
