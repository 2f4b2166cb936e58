import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { runtimeApiRegistry } from '../src/runtime-apis/subtensor';
import { bestNumber, startSubtensorDevnet, subtensorGenesis, TAO, type SubtensorDevnet } from './subtensor-support';

const VALIDATORS = 4;
const NEURONS = 256;

interface DecodedMetagraph {
  readonly numUids: number;
  readonly block: number;
  readonly tempo: number;
  readonly burn: number;
  readonly hotkeys: string[];
  readonly coldkeys: string[];
  readonly axons: { port: number; ip: number }[];
  readonly active: boolean[];
  readonly validatorPermit: boolean[];
  readonly pruningScore: number[];
  readonly lastUpdate: number[];
  readonly emission: number[];
  readonly dividends: number[];
  readonly incentives: number[];
  readonly consensus: number[];
  readonly trust: number[];
  readonly rank: number[];
  readonly blockAtRegistration: number[];
  readonly alphaStake: number[];
}

describe('a 256-neuron subnet read through the runtime API and through storage', () => {
  let chain: SubtensorDevnet;
  const validators = Array.from({ length: VALIDATORS }, (_, i) => `//Validator//${i}`);
  const miners = Array.from({ length: NEURONS - 1 - VALIDATORS }, (_, i) => `//Miner//${i}`);

  beforeAll(async () => {
    chain = await startSubtensorDevnet(
      subtensorGenesis(
        { maxAllowedUids: NEURONS, maxAllowedValidators: 64, weightsSetRateLimit: 0 },
        {
          neurons: [
            ...validators.map((hotkey, i) => ({
              hotkey,
              coldkey: '//Bob',
              stake: ((1_000n + BigInt(i) * 100n) * TAO).toString(),
              validatorPermit: true,
            })),
            ...miners.map((hotkey, i) => ({ hotkey, coldkey: '//Charlie', stake: String(1_000_000 * (i % 7)) })),
          ],
          balances: Object.fromEntries(validators.map((uri) => [uri, '1000000000'])),
        },
      ),
    );
    // The validators weight the same 40 miners with different values, so consensus and incentive vary per uid.
    for (const [index, validator] of validators.entries()) {
      const dests = Array.from({ length: 40 }, (_, k) => 1 + VALIDATORS + k);
      const result = await chain.send(
        chain.tx(
          'subtensorModule',
          'setWeights',
          1,
          dests,
          dests.map((_, k) => 100 + k * (index + 1)),
          0,
        ),
        chain.key(validator),
      );
      expect(result.error).toBeUndefined();
    }
    const best = await bestNumber(chain.api);
    const nextEpoch = best + 10 - ((best + 2) % 11);
    await chain.devnet.newBlock(nextEpoch - best + 1);
  });

  afterAll(async () => {
    await chain?.stop();
  });

  it('answers get_metagraph with exactly what storage holds at the same block', async () => {
    const { api } = chain;
    const hash = await api.rpc.chain.getBlockHash();
    const at = await api.at(hash);
    const raw = await api.rpc.state.call('SubnetInfoRuntimeApi_get_metagraph', u8aToHex(new Uint8Array([1, 0])), hash);
    const decoded = runtimeApiRegistry.createType('Option<TaonodeMetagraph>', raw.toU8a(true));
    expect(decoded.encodedLength).toBe(raw.length);
    const metagraph = decoded.unwrap().toJSON() as unknown as DecodedMetagraph;
    const fromStorage = await readMetagraphFromStorage(at);

    expect(metagraph.numUids).toBe(NEURONS);
    expect(metagraph.block).toBe((await api.rpc.chain.getHeader(hash)).number.toNumber());
    expect(metagraph.hotkeys).toEqual(fromStorage.hotkeys);
    expect(metagraph.coldkeys).toEqual(fromStorage.coldkeys);
    expect(metagraph.blockAtRegistration).toEqual(fromStorage.blockAtRegistration);
    expect(metagraph.alphaStake).toEqual(fromStorage.alphaStake);
    for (const vector of [
      'active',
      'validatorPermit',
      'pruningScore',
      'lastUpdate',
      'emission',
      'dividends',
      'incentives',
      'consensus',
      'trust',
      'rank',
    ] as const) {
      expect([vector, metagraph[vector]]).toEqual([vector, fromStorage[vector]]);
    }
    expect(metagraph.tempo).toBe(fromStorage.tempo);
    expect(metagraph.burn).toBe(fromStorage.burn);
    // The epoch ran: validators earned dividends, some miners incentive, permits went to the top stakes.
    expect(metagraph.dividends.slice(1, 1 + VALIDATORS).every((value) => value > 0)).toBe(true);
    expect(metagraph.incentives.filter((value) => value > 0)).toHaveLength(40);
    expect(metagraph.validatorPermit.filter(Boolean)).toHaveLength(64);
  });

  it('answers get_neurons_lite and the neuronInfo_getNeuronsLite RPC with the same neurons', async () => {
    const { api } = chain;
    const hash = await api.rpc.chain.getBlockHash();
    const viaStateCall = await api.rpc.state.call('NeuronInfoRuntimeApi_get_neurons_lite', '0x0100', hash);
    const viaRpc = (await api.rpc('neuronInfo_getNeuronsLite', 1, hash)) as unknown as number[];
    expect(u8aToHex(Uint8Array.from(viaRpc))).toBe(viaStateCall.toHex());
    const neurons = runtimeApiRegistry
      .createType('Vec<TaonodeNeuronInfoLite>', hexToU8a(viaStateCall.toHex()))
      .toJSON() as {
      uid: number;
      hotkey: string;
      incentive: number;
    }[];
    expect(neurons).toHaveLength(NEURONS);
    const incentive = (await (await api.at(hash)).query.subtensorModule?.incentive?.(1))?.toJSON() as number[];
    expect(neurons.map((neuron) => neuron.incentive)).toEqual(incentive);
  });
});

/** The metagraph as a client builds it from `api.query.subtensorModule.*` only (subtensor.md §4.2 item 7). */
async function readMetagraphFromStorage(
  at: ApiDecoration<'promise'>,
): Promise<DecodedMetagraph & { coldkeys: string[] }> {
  const module = at.query.subtensorModule;
  if (!module) {
    throw new Error('SubtensorModule is not in the metadata');
  }
  const read = async (item: string, ...keys: unknown[]): Promise<Codec> => {
    const query = module[item];
    if (!query) {
      throw new Error(`SubtensorModule.${item} is not in the metadata`);
    }
    return query(...keys);
  };
  const n = Number((await read('subnetworkN', 1)).toString());
  const keyEntries = await module.keys?.entries(1);
  const hotkeys: string[] = new Array<string>(n).fill('');
  for (const [key, value] of keyEntries ?? []) {
    const uid = Number(key.args[1]?.toString());
    hotkeys[uid] = value.toString();
  }
  const coldkeys = await Promise.all(hotkeys.map(async (hotkey) => (await read('owner', hotkey)).toString()));
  const vector = async (item: string): Promise<never> => (await read(item, 1)).toJSON() as never;
  const blockAtRegistration = await Promise.all(
    hotkeys.map(async (_, uid) => Number((await read('blockAtRegistration', 1, uid)).toString())),
  );
  const alphaStake = await Promise.all(
    hotkeys.map(async (hotkey) => Number((await read('totalHotkeyAlpha', hotkey, 1)).toString())),
  );
  return {
    numUids: n,
    block: 0,
    tempo: Number((await read('tempo', 1)).toString()),
    burn: Number((await read('burn', 1)).toString()),
    hotkeys,
    coldkeys,
    axons: [],
    active: await vector('active'),
    validatorPermit: await vector('validatorPermit'),
    pruningScore: await vector('pruningScores'),
    lastUpdate: await vector('lastUpdate'),
    emission: await vector('emission'),
    dividends: await vector('dividends'),
    incentives: await vector('incentive'),
    consensus: await vector('consensus'),
    trust: await vector('trust'),
    rank: await vector('rank'),
    blockAtRegistration,
    alphaStake,
  };
}
