import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Option, u16, u64, Vec, bool, Struct, u128, u32, u8 } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import { devnetRuntimes, mineUntilSettled, startDevnet, type LaunchedDevnet } from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import {
  addStakeCall,
  ChainClient,
  ChainMetagraphReader,
  ExtrinsicSubmitter,
  registerNeuron,
  serveAxon,
  SUBTENSOR_SIGNED_EXTENSIONS,
  transferCall,
  type Metagraph,
} from '../src';
import { u16Argument } from '../src/metagraph/metagraph-runtime-api.reader';
import { decodeRuntimeApiValue } from '../src/runtime-api/runtime-api.decoder';
import { settledHead } from './support/chain-spec.helpers';

const NETUID = 1;
const coldkey = Keypair.fromUri('//Bob');
const hotkeys = ['//Bob//hot1', '//Bob//hot2', '//Charlie//hot1'].map((uri) => Keypair.fromUri(uri));

type AxonStruct = Struct & { block: u64; version: u32; ip: u128; port: u16; ipType: u8; protocol: u8 };

/** The same metagraph facts read with a plain @polkadot/api query per item, independent of the reader. */
async function rawNeurons(api: ApiPromise, blockHash: string) {
  const at = await api.at(blockHash);
  const query = async (item: string, ...args: unknown[]): Promise<unknown> => {
    const entry = at.query.subtensorModule?.[item];
    if (entry === undefined) {
      throw new Error(`no storage item ${item}`);
    }
    return entry(...args);
  };
  const n = ((await query('subnetworkN', NETUID)) as u16).toNumber();
  const vec = async <T>(item: string) => [...((await query(item, NETUID)) as Vec<never>)] as T[];
  const active = (await vec<bool>('active')).map((v) => v.isTrue);
  const lastUpdate = (await vec<u64>('lastUpdate')).map((v) => v.toNumber());
  const permit = (await vec<bool>('validatorPermit')).map((v) => v.isTrue);
  const neurons = [];
  for (let uid = 0; uid < n; uid += 1) {
    const hotkey = ((await query('keys', NETUID, uid)) as AccountId32).toString();
    const axon = (await query('axons', NETUID, hotkey)) as Option<AxonStruct>;
    neurons.push({
      uid,
      hotkey,
      coldkey: ((await query('owner', hotkey)) as AccountId32).toString(),
      stakeRao: ((await query('totalHotkeyAlpha', hotkey, NETUID)) as u64).toBigInt(),
      axonIp: axon.isSome ? axon.unwrap().ip.toBigInt() : 0n,
      axonPort: axon.isSome ? axon.unwrap().port.toNumber() : 0,
      blockAtRegistration: ((await query('blockAtRegistration', NETUID, uid)) as u64).toNumber(),
      active: active[uid] ?? false,
      lastUpdate: lastUpdate[uid] ?? 0,
      validatorPermit: permit[uid] ?? false,
    });
  }
  const tempo = ((await query('tempo', NETUID)) as u16).toNumber();
  const burn = ((await query('burn', NETUID)) as u64).toBigInt();
  return { n, neurons, tempo, burn };
}

function comparable(metagraph: Metagraph) {
  return {
    n: metagraph.n,
    tempo: metagraph.hyperparameters.tempo,
    burn: metagraph.hyperparameters.burnRao,
    neurons: metagraph.neurons.map((neuron) => ({
      uid: neuron.uid,
      hotkey: neuron.hotkey,
      coldkey: neuron.coldkey,
      stakeRao: neuron.stakeRao,
      axonIp:
        neuron.axon.ip === '0.0.0.0' ? 0n : BigInt(neuron.axon.ip.split('.').reduce((a, p) => a * 256 + Number(p), 0)),
      axonPort: neuron.axon.port,
      blockAtRegistration: neuron.blockAtRegistration,
      active: neuron.active,
      lastUpdate: neuron.lastUpdate,
      validatorPermit: neuron.validatorPermit,
    })),
  };
}

describe.each(devnetRuntimes())('metagraph against the devnet ($label)', ({ metadata }) => {
  let devnet: LaunchedDevnet;
  let client: ChainClient;
  let submitter: ExtrinsicSubmitter;
  let plain: ApiPromise;
  let registeredAt: `0x${string}`;

  beforeAll(async () => {
    devnet = await startDevnet({ manual: true, metadata });
    client = await ChainClient.connect({ chainEndpoint: devnet.url });
    submitter = new ExtrinsicSubmitter(client);
    plain = await ApiPromise.create({
      provider: new WsProvider(devnet.url),
      signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
      noInitWarn: true,
    });
    // Hotkeys sign serve_axon: their accounts must exist, so fund them (three concurrent transfers from one key).
    await mineUntilSettled(
      devnet,
      Promise.all(
        hotkeys.map((hotkey) =>
          submitter.submit(transferCall(client.api, hotkey.ss58Address, 1_000_000_000n), coldkey),
        ),
      ),
    );
    for (const hotkey of hotkeys) {
      await mineUntilSettled(devnet, registerNeuron(client, submitter, coldkey, hotkey.ss58Address, NETUID));
    }
    registeredAt = await settledHead(plain);
    await mineUntilSettled(
      devnet,
      serveAxon(client, submitter, hotkeys[0] as Keypair, { netuid: NETUID, ip: '203.0.113.5', port: 8091 }),
    );
    await mineUntilSettled(
      devnet,
      submitter.submit(addStakeCall(client.api, (hotkeys[1] as Keypair).ss58Address, NETUID, 5_000_000_000n), coldkey),
    );
  }, 120_000);

  afterAll(async () => {
    await plain?.disconnect();
    await client?.disconnect();
    await devnet?.stop();
  });

  it('reads at the finalized head what the devnet state says, by both paths', async () => {
    const head = await settledHead(plain);
    const expected = await rawNeurons(plain, head);
    const fromStorage = await new ChainMetagraphReader(client, { source: 'storage' }).read(NETUID);
    const fromRuntimeApi = await new ChainMetagraphReader(client, { source: 'runtime-api' }).read(NETUID);
    expect(fromStorage.blockHash).toBe(head);
    expect(comparable(fromStorage)).toEqual(expected);
    expect({ ...fromRuntimeApi, source: 'storage' }).toEqual(fromStorage);
    const served = fromStorage.neurons.find((neuron) => neuron.hotkey === (hotkeys[0] as Keypair).ss58Address);
    expect(served?.axon).toMatchObject({ ip: '203.0.113.5', port: 8091, ipType: 4, isServing: true });
  });

  it('reads an older block as it was then, by both paths', async () => {
    const expected = await rawNeurons(plain, registeredAt);
    const fromStorage = await new ChainMetagraphReader(client, { source: 'storage' }).read(NETUID, registeredAt);
    const fromRuntimeApi = await new ChainMetagraphReader(client, { source: 'runtime-api' }).read(NETUID, registeredAt);
    expect(comparable(fromStorage)).toEqual(expected);
    expect({ ...fromRuntimeApi, source: 'storage' }).toEqual(fromStorage);
    expect(
      fromStorage.neurons.every(
        (neuron) => !neuron.axon.isServing || neuron.hotkey !== (hotkeys[0] as Keypair).ss58Address,
      ),
    ).toBe(true);
  });

  it('decodes the runtime API in the layout the metadata declares where it declares one; dropped scores as documented', async () => {
    const layout = client.features.runtimeApiLayout('NeuronInfoRuntimeApi', 'get_neurons_lite');
    // V15/V16 metadata types its runtime APIs (spec 424); V14 does not, and our own layouts apply.
    expect(layout !== undefined).toBe(client.features.metadataVersion >= 15);
    const fromRuntimeApi = await new ChainMetagraphReader(client, { source: 'runtime-api' }).read(NETUID);
    const fromStorage = await new ChainMetagraphReader(client, { source: 'storage' }).read(
      NETUID,
      fromRuntimeApi.blockHash,
    );
    expect({ ...fromRuntimeApi, source: 'storage' }).toEqual(fromStorage);
    if (!client.features.hasStorage('subtensorModule', 'pruningScores')) {
      // A runtime without the score vectors (424): rank and trust 0, pruning score u16::MAX, by both paths.
      expect(fromRuntimeApi.neurons.map(({ rank, trust, pruningScore }) => ({ rank, trust, pruningScore }))).toEqual(
        fromRuntimeApi.neurons.map(() => ({ rank: 0, trust: 0, pruningScore: 65535 })),
      );
    }
  });

  it('reads hyperparameters equal to what get_subnet_hyperparams answers, in the layout the runtime declares', async () => {
    const head = await settledHead(plain);
    const hyper = await new ChainMetagraphReader(client).readHyperparameters(NETUID, head);
    const bytes = (
      await plain.rpc.state.call('SubnetInfoRuntimeApi_get_subnet_hyperparams', u16Argument(NETUID), head)
    ).toU8a(true);
    const features = client.features;
    const [answer] = decodeRuntimeApiValue(
      'Option<TaonodeSubnetHyperparams>',
      bytes,
      features.runtimeApiOutput('SubnetInfoRuntimeApi', 'get_subnet_hyperparams'),
      features.runtimeApiLayout('SubnetInfoRuntimeApi', 'get_subnet_hyperparams'),
    ) as Record<string, number | bigint | boolean>[];
    expect(answer).toBeDefined();
    const fromApi = answer as Record<string, number | bigint | boolean>;
    expect({
      tempo: hyper.tempo,
      immunityPeriod: hyper.immunityPeriod,
      activityCutoff: hyper.activityCutoff,
      maxValidators: hyper.maxAllowedValidators,
      maxWeightsLimit: hyper.maxWeightsLimit,
      registrationAllowed: hyper.registrationAllowed,
      commitRevealWeightsEnabled: hyper.commitRevealWeightsEnabled,
      minBurn: hyper.minBurnRao,
      maxBurn: hyper.maxBurnRao,
    }).toEqual({
      tempo: Number(fromApi.tempo),
      immunityPeriod: Number(fromApi.immunityPeriod),
      activityCutoff: Number(fromApi.activityCutoff),
      maxValidators: Number(fromApi.maxValidators),
      maxWeightsLimit: Number(fromApi.maxWeightsLimit),
      registrationAllowed: fromApi.registrationAllowed,
      commitRevealWeightsEnabled: fromApi.commitRevealWeightsEnabled,
      minBurn: BigInt(fromApi.minBurn as bigint),
      maxBurn: BigInt(fromApi.maxBurn as bigint),
    });
  });

  it('uses the runtime API when the runtime lists it', async () => {
    expect(client.features.hasRuntimeApi('NeuronInfoRuntimeApi')).toBe(true);
    expect((await new ChainMetagraphReader(client).read(NETUID)).source).toBe('runtime-api');
  });
});
