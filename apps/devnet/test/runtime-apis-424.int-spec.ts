import type { ApiPromise } from '@polkadot/api';
import type { RuntimeVersion } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { describeDispatchError } from './support/chain-client';
import { describeOnSpec424, useSpec424Devnet } from './support/spec424-devnet';
import { constant, query, tx } from './support/typed-api';

const NETUID = 1;
const IP_198_51_100_10 = 3325256714;
const SUBTENSOR_TRAITS = [
  'DelegateInfoRuntimeApi',
  'NeuronInfoRuntimeApi',
  'SubnetInfoRuntimeApi',
  'StakeInfoRuntimeApi',
  'SubnetRegistrationRuntimeApi',
  'SwapRuntimeApi',
];

interface DeclaredMethod {
  readonly name: string;
  readonly inputs: readonly { readonly name: string; readonly type: string }[];
  readonly output: string;
}

/** Every subtensor runtime API method the metadata declares, with its types as the metadata's registry names them. */
function declaredMethods(api: ApiPromise): { trait: string; method: DeclaredMethod }[] {
  const { registry } = api;
  return api.runtimeMetadata.asLatest.apis
    .filter((trait) => SUBTENSOR_TRAITS.includes(trait.name.toString()))
    .flatMap((trait) =>
      trait.methods.map((method) => ({
        trait: trait.name.toString(),
        method: {
          name: method.name.toString(),
          inputs: method.inputs.map((input) => ({
            name: input.name.toString(),
            type: registry.createLookupType(input.type),
          })),
          output: registry.createLookupType(method.output),
        },
      })),
    );
}

describeOnSpec424('runtime APIs of the devnet serving spec 424, decoded with the metadata’s own types', (fixture) => {
  const chain = useSpec424Devnet(fixture, '//Alice//runtime-apis-424');

  /** `state_call` at `at`, decoded with the metadata's output type; the answer must be exactly one such value. */
  const stateCall = async (name: string, args: Uint8Array, output: string, at?: string): Promise<Codec> => {
    const answer =
      at === undefined
        ? chain.api.rpc.state.call(name, u8aToHex(args))
        : chain.api.rpc.state.call(name, u8aToHex(args), at);
    const bytes = (await answer).toU8a(true);
    const decoded = chain.api.registry.createTypeUnsafe(output, [bytes]);
    expect({ name, length: decoded.encodedLength }).toEqual({ name, length: bytes.length });
    return decoded;
  };

  const method = (trait: string, name: string): DeclaredMethod => {
    const found = declaredMethods(chain.api).find((entry) => entry.trait === trait && entry.method.name === name);
    if (!found) {
      throw new Error(`${trait}_${name} is not in the metadata`);
    }
    return found.method;
  };

  const call = async <T = unknown>(trait: string, name: string, args: unknown[], at?: string): Promise<T> => {
    const declared = method(trait, name);
    const encoded = u8aConcat(
      ...declared.inputs.map((input, index) => chain.api.registry.createTypeUnsafe(input.type, [args[index]]).toU8a()),
    );
    return (await stateCall(`${trait}_${name}`, encoded, declared.output, at)).toJSON() as T;
  };

  /** The block the axon was served in (before the stake was added). */
  let servedAt: string;

  beforeAll(async () => {
    const registered = await chain.send(
      tx(chain.api, 'subtensorModule', 'burnedRegister')(NETUID, chain.hotkey.address),
      chain.alice,
    );
    expect(describeDispatchError(chain.api, registered.dispatchError)).toBeUndefined();
    const served = await chain.send(
      tx(chain.api, 'subtensorModule', 'serveAxon')(NETUID, 1, IP_198_51_100_10, 8091, 4, 4, 0, 0),
      chain.hotkey,
    );
    expect(describeDispatchError(chain.api, served.dispatchError)).toBeUndefined();
    servedAt = served.blockHash.toHex();
    const staked = await chain.send(
      tx(chain.api, 'subtensorModule', 'addStake')(chain.hotkey.address, NETUID, 10_000_000_000n),
      chain.alice,
    );
    expect(describeDispatchError(chain.api, staked.dispatchError)).toBeUndefined();
    await chain.devnet.newBlock(2);
  }, 120_000);

  it('advertises exactly the runtime APIs and versions of the metadata’s System.Version', () => {
    const declared = constant<RuntimeVersion>(chain.api, 'system', 'version').apis.map(([id, version]) => [
      id.toHex(),
      version.toNumber(),
    ]);
    const served = chain.api.runtimeVersion.apis.map(([id, version]) => [id.toHex(), version.toNumber()]);
    expect(served).toEqual(declared);
    expect(served).toContainEqual([blake2AsHex('SubnetInfoRuntimeApi', 64), 2]);
  });

  it('answers every subtensor runtime API method the metadata lists, each decoding exactly with its output type', async () => {
    const methods = declaredMethods(chain.api);
    expect(methods.length).toBeGreaterThanOrEqual(40);
    const sample = (input: { name: string; type: string }): unknown => {
      if (/netuid$/.test(input.name)) return NETUID;
      if (/^(uid|mecid|subid)$/.test(input.name)) return 0;
      if (input.name === 'metagraph_indexes') return Array.from({ length: 74 }, (_, index) => index);
      if (/coldkey_accounts/.test(input.name)) return [chain.alice.address];
      if (/coldkey|delegatee/.test(input.name)) return chain.alice.address;
      if (/hotkey|delegate_account/.test(input.name)) return chain.hotkey.address;
      if (/^(amount|tao|alpha)$/.test(input.name)) return 1_000_000_000n;
      return undefined;
    };
    for (const { trait, method: declared } of methods) {
      const args = u8aConcat(
        ...declared.inputs.map((input) => chain.api.registry.createTypeUnsafe(input.type, [sample(input)]).toU8a()),
      );
      await stateCall(`${trait}_${declared.name}`, args, declared.output);
    }
  });

  it('answers get_neurons_lite in the 424 values: rank 0, trust 0, pruning 65535, one stake entry, the rest as storage', async () => {
    const head = (await chain.api.rpc.chain.getFinalizedHead()).toHex();
    await expectNeuronsMatchStorage(head);
    // At an older block (before the stake was added) the answer is that block's state.
    await expectNeuronsMatchStorage(servedAt);
  });

  async function expectNeuronsMatchStorage(at: string): Promise<void> {
    const state = await chain.api.at(at);
    const neurons = await call<Record<string, unknown>[]>('NeuronInfoRuntimeApi', 'get_neurons_lite', [NETUID], at);
    const n = Number((await query(state, 'subtensorModule', 'subnetworkN')(NETUID)).toString());
    expect(neurons).toHaveLength(n);
    for (const neuron of neurons) {
      const uid = neuron.uid as number;
      const key = (await query(state, 'subtensorModule', 'keys')(NETUID, uid)).toString();
      const coldkey = (await query(state, 'subtensorModule', 'owner')(key)).toString();
      const alpha = BigInt((await query(state, 'subtensorModule', 'totalHotkeyAlpha')(key, NETUID)).toString());
      const axon = (await query(state, 'subtensorModule', 'axons')(NETUID, key)).toJSON() as { port: number } | null;
      expect(neuron).toMatchObject({ hotkey: key, coldkey, netuid: NETUID, rank: 0, trust: 0, pruningScore: 65535 });
      expect(neuron.stake).toEqual([[coldkey, Number(alpha)]]);
      expect((neuron.axonInfo as { port: number }).port).toBe(axon?.port ?? 0);
    }
  }

  it('answers get_metagraph in the 424 layout: activity cutoff in blocks, no rank/trust/pruning vectors, storage values', async () => {
    const head = (await chain.api.rpc.chain.getFinalizedHead()).toHex();
    const state = await chain.api.at(head);
    const metagraph = await call<Record<string, unknown>>('SubnetInfoRuntimeApi', 'get_metagraph', [NETUID], head);
    const n = Number((await query(state, 'subtensorModule', 'subnetworkN')(NETUID)).toString());
    const tempo = Number((await query(state, 'subtensorModule', 'tempo')(NETUID)).toString());
    const factor = Number((await query(state, 'subtensorModule', 'activityCutoffFactorMilli')(NETUID)).toString());
    expect(metagraph).toMatchObject({
      netuid: NETUID,
      numUids: n,
      tempo,
      activityCutoff: Math.max(1, Math.floor((factor * tempo) / 1000)),
      rank: [],
      trust: [],
      pruningScore: [],
      block: (await chain.api.rpc.chain.getHeader(head)).number.toNumber(),
    });
    const hotkeys = await Promise.all(
      Array.from({ length: n }, async (_, uid) =>
        (await query(state, 'subtensorModule', 'keys')(NETUID, uid)).toString(),
      ),
    );
    expect(metagraph.hotkeys).toEqual(hotkeys);
    expect(metagraph.alphaStake).toEqual(
      await Promise.all(
        hotkeys.map(async (key) =>
          Number((await query(state, 'subtensorModule', 'totalHotkeyAlpha')(key, NETUID)).toString()),
        ),
      ),
    );
    expect(metagraph.taoIn).toBe(Number((await query(state, 'subtensorModule', 'subnetTAO')(NETUID)).toString()));

    // get_selective_metagraph with every index answers the same fields, each in Some, plus the validators.
    const selective = await call<Record<string, unknown>>(
      'SubnetInfoRuntimeApi',
      'get_selective_metagraph',
      [NETUID, Array.from({ length: 74 }, (_, index) => index)],
      head,
    );
    for (const [field, value] of Object.entries(metagraph)) {
      expect({ field, value: selective[field] }).toEqual({ field, value });
    }
    expect(Array.isArray(selective.validators)).toBe(true);
    expect(selective.commitments).toEqual([]);
    const onlyTempo = await call<Record<string, unknown>>(
      'SubnetInfoRuntimeApi',
      'get_selective_metagraph',
      [NETUID, [8]],
      head,
    );
    expect(onlyTempo).toMatchObject({ netuid: 0, tempo, hotkeys: null, identity: null });
  });

  it('answers hyperparameters (v1, v2, v3), dynamic info, stake info and the next epoch from storage', async () => {
    const head = (await chain.api.rpc.chain.getFinalizedHead()).toHex();
    const state = await chain.api.at(head);
    const stored = async (item: string, ...keys: unknown[]) =>
      (await query(state, 'subtensorModule', item)(...keys)).toJSON();
    const v1 = await call<Record<string, unknown>>('SubnetInfoRuntimeApi', 'get_subnet_hyperparams', [NETUID], head);
    const v2 = await call<Record<string, unknown>>('SubnetInfoRuntimeApi', 'get_subnet_hyperparams_v2', [NETUID], head);
    expect(v1).toMatchObject({
      tempo: await stored('tempo', NETUID),
      immunityPeriod: await stored('immunityPeriod', NETUID),
      commitRevealWeightsEnabled: await stored('commitRevealWeightsEnabled', NETUID),
      maxValidators: await stored('maxAllowedValidators', NETUID),
    });
    expect(v2).toMatchObject({
      ...v1,
      transfersEnabled: await stored('transferToggle', NETUID),
      subnetIsActive: await stored('subtokenEnabled', NETUID),
      yumaVersion: (await stored('yuma3On', NETUID)) === true ? 3 : 2,
      userLiquidityEnabled: false,
    });
    const v3 = await call<{ name: string; value: Record<string, unknown> }[]>(
      'SubnetInfoRuntimeApi',
      'get_subnet_hyperparams_v3',
      [NETUID],
      head,
    );
    const names = v3.map((entry) => Buffer.from(entry.name.slice(2), 'hex').toString('utf8'));
    expect(names.slice(0, 5)).toEqual([
      'kappa',
      'immunity_period',
      'min_allowed_weights',
      'max_weights_limit',
      'tempo',
    ]);
    expect(v3[names.indexOf('tempo')]?.value).toEqual({ u16: v1.tempo });

    const dynamic = await call<Record<string, unknown>>('SubnetInfoRuntimeApi', 'get_dynamic_info', [NETUID], head);
    expect(dynamic).toMatchObject({
      netuid: NETUID,
      taoIn: await stored('subnetTAO', NETUID),
      alphaIn: await stored('subnetAlphaIn', NETUID),
      ownerColdkey: await stored('subnetOwner', NETUID),
    });

    const stakes = await call<Record<string, unknown>[]>(
      'StakeInfoRuntimeApi',
      'get_stake_info_for_coldkey',
      [chain.alice.address],
      head,
    );
    const mine = stakes.find((entry) => entry.hotkey === chain.hotkey.address && entry.netuid === NETUID);
    expect(mine).toMatchObject({ coldkey: chain.alice.address, taoEmission: 0, isRegistered: true });
    expect(Number(mine?.stake)).toBeGreaterThan(0);
    const one = await call<Record<string, unknown>>(
      'StakeInfoRuntimeApi',
      'get_stake_info_for_hotkey_coldkey_netuid',
      [chain.hotkey.address, chain.alice.address, NETUID],
      head,
    );
    expect(one).toEqual(mine);

    // The 424 scheduler's prediction: LastEpochBlock + Tempo, or a pending trigger/deferral when earlier.
    const next = await call<number>('SubnetInfoRuntimeApi', 'get_next_epoch_start_block', [NETUID], head);
    const scheduled = Number(await stored('lastEpochBlock', NETUID)) + Number(v1.tempo);
    const pending = Number(await stored('pendingEpochAt', NETUID));
    expect(next).toBe(pending > 0 ? Math.min(scheduled, pending) : scheduled);
    expect(next).toBeGreaterThan((await chain.api.rpc.chain.getHeader(head)).number.toNumber() - Number(v1.tempo));
    expect(await call('SubnetInfoRuntimeApi', 'get_next_epoch_start_block', [99], head)).toBeNull();
  });

  it('keys storage with the metadata’s hashers: maps, double maps and the alpha N-map', async () => {
    const head = (await chain.api.rpc.chain.getFinalizedHead()).toHex();
    const uid = Number((await query(chain.api, 'subtensorModule', 'uids')(NETUID, chain.hotkey.address)).toString());
    const items: [string, unknown[], unknown[]][] = [
      ['axons', [NETUID, chain.hotkey.address], [NETUID]],
      ['keys', [NETUID, uid], [NETUID]],
      ['uids', [NETUID, chain.hotkey.address], [NETUID]],
      ['owner', [chain.hotkey.address], []],
      ['totalHotkeyAlpha', [chain.hotkey.address, NETUID], [chain.hotkey.address]],
      ['alpha', [chain.hotkey.address, chain.alice.address, NETUID], [chain.hotkey.address]],
      ['stakingHotkeys', [chain.alice.address], []],
      ['blockAtRegistration', [NETUID, uid], [NETUID]],
      ['tempo', [NETUID], []],
      ['subnetworkN', [NETUID], []],
    ];
    const entries = chain.api.query.subtensorModule as Record<
      string,
      { key(...keys: unknown[]): string; keyPrefix(...keys: unknown[]): string } | undefined
    >;
    for (const [item, args, prefixArgs] of items) {
      const entry = entries[item];
      if (!entry) {
        throw new Error(`${item} is not in the metadata`);
      }
      // Shares live in AlphaV2 where the devnet writes it at 424 (the same three-key N-map as Alpha).
      const sharesV2 = item === 'alpha' ? entries.alphaV2 : undefined;
      const keys = [
        ...(await chain.api.rpc.state.getKeys(entry.keyPrefix(...prefixArgs), head)),
        ...(sharesV2 ? await chain.api.rpc.state.getKeys(sharesV2.keyPrefix(...prefixArgs), head) : []),
      ];
      const wanted = [entry.key(...args), ...(sharesV2 ? [sharesV2.key(...args)] : [])];
      expect({ item, found: keys.some((key) => wanted.includes(key.toHex())) }).toEqual({
        item,
        found: true,
      });
    }
  });
});
