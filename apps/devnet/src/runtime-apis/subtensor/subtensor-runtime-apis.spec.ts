import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { METAGRAPH_FIELDS, SUBTENSOR_RUNTIME_API_METHODS } from '@taonode/chain';
import { devGenesis, TAO } from '../../pallets/subtensor/testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../../pallets/subtensor/testing/subtensor-test-chain';
import { subtensorRpcMethods } from '../../rpc/subtensor';
import { RuntimeApiRegistry } from '../runtime-api-registry';
import { encodeArguments, runtimeApiRegistry } from './runtime-api-registry';
import { subtensorRuntimeApis } from './subtensor-runtime-apis';

const IP = 3325256714n;

describe('subtensor runtime APIs', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const miners = [1, 2, 3].map((n) => accounts.address(`bob/hot${n}`));

  const call = (trait: string, method: string, args: unknown[]): Codec => {
    const declared = (
      SUBTENSOR_RUNTIME_API_METHODS as Record<string, Record<string, { input: readonly string[]; output: string }>>
    )[trait]?.[method];
    const run = subtensorRuntimeApis.find((module) => module.trait === trait)?.methods[method];
    if (!declared || !run) {
      throw new Error(`${trait}_${method} missing`);
    }
    const bytes = run(chain.storage, encodeArguments(declared.input, args));
    const decoded = runtimeApiRegistry.createTypeUnsafe(declared.output, [bytes]);
    // The answer is exactly one value of the declared type: no wrapper, no trailing bytes.
    expect(decoded.encodedLength).toBe(bytes.length);
    return decoded;
  };

  beforeAll(async () => {
    chain = await SubtensorTestChain.create(
      devGenesis(
        accounts,
        {},
        {
          ownerStake: (50n * TAO).toString(),
          neurons: miners.map((hotkey) => ({ hotkey, coldkey: accounts.address('bob'), stake: TAO.toString() })),
        },
      ),
    );
    chain.storage.set('system', 'number', [], 7);
    chain.storage.set('subtensorModule', 'validatorPermit', [1], [true, false, false, false]);
    chain.call(chain.signed('alice/owner'), 'subtensorModule', 'setWeights', {
      netuid: 1,
      dests: [1, 2, 3],
      weights: [1, 2, 3],
      versionKey: 0,
    });
    chain.call(chain.signed('bob/hot1'), 'subtensorModule', 'serveAxon', {
      netuid: 1,
      version: 3,
      ip: IP,
      port: 8091,
      ipType: 4,
      protocol: 4,
      placeholder1: 0,
      placeholder2: 0,
    });
    chain.advanceTo(8);
  });

  it('answers get_neurons_lite with one NeuronInfoLite per uid, matching storage', () => {
    const neurons = call('NeuronInfoRuntimeApi', 'get_neurons_lite', [1]).toJSON() as Record<string, unknown>[];
    expect(neurons).toHaveLength(4);
    const incentive = chain.get('incentive', 1).toJSON() as number[];
    neurons.forEach((neuron, uid) => {
      expect(neuron.uid).toBe(uid);
      expect(neuron.hotkey).toBe(chain.get('keys', 1, uid).toString());
      expect(neuron.incentive).toBe(incentive[uid]);
    });
    expect(neurons[1]?.coldkey).toBe(accounts.address('bob'));
    expect((neurons[1]?.axonInfo as { ip: number; port: number }).port).toBe(8091);
    expect(neurons[1]?.stake).toEqual([
      [accounts.address('bob'), Number(chain.get('totalHotkeyAlpha', miners[0], 1).toString())],
    ]);
  });

  it('answers get_neuron with weights and bonds, and None for a uid that is not registered', () => {
    const owner = call('NeuronInfoRuntimeApi', 'get_neuron', [1, 0]).toJSON() as {
      weights: number[][];
      bonds: number[][];
    };
    expect(owner.weights).toEqual(chain.get('weights', 1, 0).toJSON());
    expect(owner.bonds.length).toBeGreaterThan(0);
    expect(call('NeuronInfoRuntimeApi', 'get_neuron_lite', [1, 9]).toJSON()).toBeNull();
    expect(call('NeuronInfoRuntimeApi', 'get_neurons_lite', [5]).toJSON()).toEqual([]);
  });

  it('answers get_metagraph with every field in order and the per-uid vectors of storage', () => {
    const json = call('SubnetInfoRuntimeApi', 'get_metagraph', [1]).toJSON() as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(METAGRAPH_FIELDS.map(([name]) => name));
    expect(json.numUids).toBe(4);
    expect(json.hotkeys).toEqual([0, 1, 2, 3].map((uid) => chain.get('keys', 1, uid).toString()));
    expect(json.dividends).toEqual(chain.get('dividends', 1).toJSON());
    expect(json.lastStep).toBe(8);
    expect(json.symbol).toEqual([0xce, 0xb1]);
    expect(json.tempo).toBe(10);
  });

  it('answers get_selective_metagraph with only the requested fields', () => {
    const selective = call('SubnetInfoRuntimeApi', 'get_selective_metagraph', [1, [0, 8, 52, 72]]).toJSON() as Record<
      string,
      unknown
    >;
    expect(selective.netuid).toBe(1);
    expect(selective.tempo).toBe(10);
    expect(selective.hotkeys).toHaveLength(4);
    // Every uid holds a permit (4 uids, 64 slots): ascending by stake, the owner's 50 TAO last.
    expect(selective.validators).toEqual([1, 2, 3, 0]);
    expect(selective.burn).toBeNull();
    const identityOnly = call('SubnetInfoRuntimeApi', 'get_selective_metagraph', [1, [3]]);
    // Some(metagraph): netuid 0 (not requested), name None, symbol None, identity Some(None), …
    expect(u8aToHex(identityOnly.toU8a().subarray(0, 6))).toBe('0x010000000100');
  });

  it('answers hyperparameters, dynamic info, subnet info and state', () => {
    expect((call('SubnetInfoRuntimeApi', 'get_subnet_hyperparams', [1]).toJSON() as { tempo: number }).tempo).toBe(10);
    const dynamic = call('SubnetInfoRuntimeApi', 'get_dynamic_info', [1]).toJSON() as {
      taoIn: number;
      ownerColdkey: string;
    };
    expect(dynamic.taoIn).toBe(Number(chain.get('subnetTAO', 1).toString()));
    expect(dynamic.ownerColdkey).toBe(accounts.address('alice'));
    expect((call('SubnetInfoRuntimeApi', 'get_subnets_info', []).toJSON() as unknown[]).length).toBe(2);
    const state = call('SubnetInfoRuntimeApi', 'get_subnet_state', [1]).toJSON() as { emissionHistory: number[][] };
    expect(state.emissionHistory).toHaveLength(2);
    expect(call('SubnetInfoRuntimeApi', 'get_metagraph', [3]).toJSON()).toBeNull();
    expect(call('SubnetRegistrationRuntimeApi', 'get_network_registration_cost', []).toString()).toBe(
      chain.get('networkMinLockCost').toString(),
    );
  });

  it('serves the custom RPCs as the SCALE bytes of the same results', () => {
    const apis = new RuntimeApiRegistry(subtensorRuntimeApis);
    const viaRpc = subtensorRpcMethods.neuronInfo_getNeuronsLite?.(chain.storage, [1], apis) as number[];
    const viaApi = subtensorRuntimeApis[0]?.methods.get_neurons_lite?.(chain.storage, new Uint8Array([1, 0]));
    expect(viaRpc).toEqual([...(viaApi ?? [])]);
    expect(subtensorRpcMethods.subnetInfo_getLockCost?.(chain.storage, [], apis)).toBe(
      Number(chain.get('networkMinLockCost').toString()),
    );
    expect(() => subtensorRpcMethods.neuronInfo_getNeuronLite?.(chain.storage, [1], apis)).toThrow(
      'expected 2 parameter(s)',
    );
  });
});
