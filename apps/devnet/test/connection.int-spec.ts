import { ApiPromise, WsProvider } from '@polkadot/api';
import { blake2AsHex } from '@polkadot/util-crypto';
import { NO_DATA_SIGNED_EXTENSIONS, loadRuntimeMetadata } from '../src/runtime/runtime-metadata';
import { startDevnetFixture, type DevnetFixture } from './support/devnet-fixture';
import { rawRpc } from './support/raw-rpc';
import { constant, runtimeCall } from './support/typed-api';

/** Every method subtensor.md §4.1 lists as called by @polkadot/api 16.5.6, subscriptions included. */
const CLIENT_METHODS = [
  'chain_getBlockHash',
  'state_getRuntimeVersion',
  'system_chain',
  'system_properties',
  'rpc_methods',
  'state_getMetadata',
  'state_subscribeRuntimeVersion',
  'state_unsubscribeRuntimeVersion',
  'system_health',
  'state_queryStorageAt',
  'state_getStorage',
  'state_getKeysPaged',
  'state_subscribeStorage',
  'state_unsubscribeStorage',
  'chain_getHeader',
  'chain_getBlock',
  'chain_getFinalizedHead',
  'chain_subscribeNewHeads',
  'chain_unsubscribeNewHeads',
  'chain_subscribeFinalizedHeads',
  'chain_unsubscribeFinalizedHeads',
  'system_accountNextIndex',
  'author_submitExtrinsic',
  'author_submitAndWatchExtrinsic',
  'author_unwatchExtrinsic',
  'state_call',
  'payment_queryInfo',
];

describe('connecting @polkadot/api to the devnet', () => {
  let fixture: DevnetFixture;

  beforeAll(async () => {
    fixture = await startDevnetFixture();
  });

  afterAll(() => fixture.stop());

  it('connects without the warnings that mean a missing RPC or a metadata fallback', async () => {
    const warnings: string[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    });
    try {
      const api = await ApiPromise.create({
        provider: new WsProvider(fixture.devnet.url),
        signedExtensions: NO_DATA_SIGNED_EXTENSIONS,
      });
      await api.disconnect();
    } finally {
      warn.mockRestore();
    }
    const text = warnings.join('\n');
    expect(text).not.toMatch(/MetadataApi not available|get_metadata will be used|Unknown signed extensions/);
    // RPCs @polkadot/api does not know: subtensor's custom ones (a real node lists them too) and dev_newBlock.
    const undecorated = /RPC methods not decorated: (.*)/.exec(text)?.[1]?.split(', ') ?? [];
    const standard = undecorated.filter((name) => /^(system|chain|state|author|payment|rpc)_/.test(name));
    expect(standard).toEqual([]);
  });

  it('lists every method the client calls in rpc_methods', async () => {
    const { methods } = (await fixture.api.rpc.rpc.methods()).toJSON() as { methods: string[] };
    expect(methods).toEqual(expect.arrayContaining(CLIENT_METHODS));
  });

  it('serves the real metadata and a runtime version equal to its System.Version constant', async () => {
    const { api } = fixture;
    const material = loadRuntimeMetadata();
    expect((await api.rpc.state.getMetadata()).toHex()).toBe(material.metadataHex);
    expect(api.runtimeMetadata.version).toBe(14);
    expect(api.runtimeVersion.toJSON()).toEqual(constant(api, 'system', 'version').toJSON());
    expect(api.runtimeVersion.specName.toString()).toBe('node-subtensor');
    expect(api.runtimeVersion.specVersion.toNumber()).toBe(233);
    expect(runtimeCall(api, 'accountNonceApi', 'accountNonce')).toBeInstanceOf(Function);
    expect(runtimeCall(api, 'transactionPaymentApi', 'queryInfo')).toBeInstanceOf(Function);
  });

  it('reports subtensor chain properties and a healthy single node', async () => {
    const { api } = fixture;
    const properties = await api.rpc.system.properties();
    expect(properties.ss58Format.unwrap().toNumber()).toBe(42);
    expect(properties.tokenDecimals.unwrap().map((decimals) => decimals.toNumber())).toEqual([9]);
    expect(properties.tokenSymbol.unwrap().map(String)).toEqual(['TAO']);
    expect((await api.rpc.system.chain()).toString()).toBe('Bittensor');
    expect((await api.rpc.system.health()).toJSON()).toEqual({ peers: 0, isSyncing: false, shouldHavePeers: false });
  });

  it('names the genesis block by the blake2-256 hash of its header', async () => {
    const { api } = fixture;
    const genesisHash = await api.rpc.chain.getBlockHash(0);
    const header = await api.rpc.chain.getHeader(genesisHash);
    expect(blake2AsHex(header.toU8a(), 256)).toBe(genesisHash.toHex());
    expect(api.genesisHash.toHex()).toBe(genesisHash.toHex());
    expect(header.parentHash.isEmpty).toBe(true);
  });

  it('answers JSON-RPC errors in the shapes substrate uses', async () => {
    const { url } = fixture.devnet;
    expect(await rawRpc(url, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'nope_nothing', params: [] }))).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32601, message: 'Method not found' },
    });
    expect(await rawRpc(url, '{not json')).toMatchObject({ id: null, error: { code: -32700 } });
    expect(
      await rawRpc(url, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'state_getStorage', params: [42] })),
    ).toMatchObject({ id: 2, error: { code: -32602, message: 'Invalid params' } });
    expect(
      await rawRpc(
        url,
        JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'state_getKeysPaged', params: ['0x', 1001, null] }),
      ),
    ).toMatchObject({ error: { code: 4002, message: 'count exceeds maximum value. value: 1001, max: 1000' } });
    expect(
      await rawRpc(
        url,
        JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'state_call', params: ['Nope_nothing', '0x'] }),
      ),
    ).toMatchObject({
      error: {
        code: 4003,
        message: 'Client error: Execution failed: Other: Exported method Nope_nothing is not found',
      },
    });
    expect(
      await rawRpc(
        url,
        JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'author_submitExtrinsic', params: ['0x1234'] }),
      ),
    ).toMatchObject({ error: { code: 1001 } });
  });

  it('answers a batch of requests with one response each', async () => {
    const reply = await rawRpc(
      fixture.devnet.url,
      JSON.stringify([
        { jsonrpc: '2.0', id: 'a', method: 'system_name', params: [] },
        { jsonrpc: '2.0', id: 'b', method: 'chain_getBlockHash', params: [0] },
      ]),
    );
    expect(reply).toEqual([
      { jsonrpc: '2.0', id: 'a', result: 'Subtensor Node' },
      { jsonrpc: '2.0', id: 'b', result: fixture.api.genesisHash.toHex() },
    ]);
  });
});
