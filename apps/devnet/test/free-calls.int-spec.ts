import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Codec } from '@polkadot/types/types';
import { startSubtensorDevnet, subtensorGenesis, type SubtensorDevnet } from './subtensor-support';
import { describeDispatchError, eventNames, sendAndSeal } from './support/chain-client';
import { invalidKind } from './support/rpc-error-kind';
import { query, tx } from './support/typed-api';

const IP_198_51_100_10 = 3325256714;

interface AccountCodec extends Codec {
  nonce: Codec;
  providers: Codec;
  data: { free: Codec };
}

/**
 * subtensor's CheckNonce asks for a provider only when a call pays (issue 7): a hotkey that never held a rao
 * serves its axon and sets weights, as on the real chain. Driven by a plain @polkadot/api client (no options
 * beyond the provider) over the devnet's websocket.
 */
describe('free calls from a hotkey without balance (plain @polkadot/api client)', () => {
  let chain: SubtensorDevnet;
  let api: ApiPromise;
  let hotkey: KeyringPair;

  beforeAll(async () => {
    chain = await startSubtensorDevnet(subtensorGenesis({ commitRevealWeightsEnabled: false, weightsSetRateLimit: 0 }));
    api = await ApiPromise.create({ provider: new WsProvider(chain.devnet.url), noInitWarn: true });
    hotkey = chain.key('//Bob//zero-balance');
    // The coldkey pays the burn; the hotkey itself never receives any balance.
    const registered = await chain.send(
      chain.tx('subtensorModule', 'burnedRegister', 1, hotkey.address),
      chain.key('//Bob'),
    );
    expect(registered.error).toBeUndefined();
  });

  afterAll(async () => {
    await api?.disconnect();
    await chain?.stop();
  });

  const account = (): Promise<AccountCodec> => query<AccountCodec>(api, 'system', 'account')(hotkey.address);
  const send = (tx: SubmittableExtrinsic<'promise'>) =>
    sendAndSeal(tx, hotkey, () => chain.devnet.newBlock(), { nonce: -1 });

  it('starts with no account at all', async () => {
    const before = await account();
    expect(before.providers.toString()).toBe('0');
    expect(before.data.free.toString()).toBe('0');
  });

  it('serves its axon: no fee, the nonce counts, and the axon reads back', async () => {
    const sealed = await send(tx(api, 'subtensorModule', 'serveAxon')(1, 1, IP_198_51_100_10, 8091, 4, 4, 0, 0));
    expect(describeDispatchError(api, sealed.dispatchError)).toBeUndefined();
    expect(eventNames(sealed.events)).toEqual(
      expect.arrayContaining(['subtensorModule.AxonServed', 'system.ExtrinsicSuccess']) as unknown,
    );
    expect(eventNames(sealed.events)).not.toContain('balances.Withdraw');
    const axon = (await query(api, 'subtensorModule', 'axons')(1, hotkey.address)).toJSON();
    expect(axon).toEqual(expect.objectContaining({ ip: IP_198_51_100_10, port: 8091, ipType: 4 }) as unknown);
    const after = await account();
    // CheckNonce's `Account::mutate` created the entry: nonce 1, still no provider and no balance.
    expect(after.nonce.toString()).toBe('1');
    expect(after.providers.toString()).toBe('0');
    expect(after.data.free.toString()).toBe('0');
  });

  it('sets weights with the next nonce', async () => {
    // Without a validator permit a neuron may weigh only itself.
    const uid = Number((await query(api, 'subtensorModule', 'uids')(1, hotkey.address)).toString());
    const sealed = await send(tx(api, 'subtensorModule', 'setWeights')(1, [uid], [65535], 0));
    expect(describeDispatchError(api, sealed.dispatchError)).toBeUndefined();
    expect(eventNames(sealed.events)).toContain('subtensorModule.WeightsSet');
    expect((await account()).nonce.toString()).toBe('2');
  });

  it('is still refused a paying call: 1010 Inability to pay some fees', async () => {
    const remark = tx(api, 'system', 'remark')('0x00');
    const refusal = await remark.signAndSend(hotkey, { nonce: -1 }).then(
      () => undefined,
      (error: unknown) => invalidKind(error),
    );
    expect(refusal).toBe('payment');
  });
});
