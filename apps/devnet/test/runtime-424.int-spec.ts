import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { Metadata, TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { fetchMetadataOnce, readMetadataFile } from '../src/runtime/metadata-source';
import { describeDispatchError, eventField, eventNames } from './support/chain-client';
import { describeOnSpec424, useSpec424Devnet } from './support/spec424-devnet';
import { query, runtimeCall, tx } from './support/typed-api';

const IP_198_51_100_10 = 3325256714;

describeOnSpec424('the devnet serving the real spec-424 metadata, to a plain @polkadot/api client', (fixture) => {
  const chain = useSpec424Devnet(fixture, '//Alice//runtime-424');

  it('is spec 424 with metadata V16, the fixture’s bytes unchanged', async () => {
    expect(chain.api.runtimeVersion.specVersion.toNumber()).toBe(424);
    expect(chain.api.runtimeMetadata.version).toBe(16);
    const served = await chain.api.rpc.state.getMetadata();
    expect(served.toHex()).toBe(new Metadata(new TypeRegistry(), readFileSync(fixture)).toHex());
  });

  it('registers a hotkey with burned_register, which pays a fee at 424, and names the error of registering it again', async () => {
    const registered = await chain.send(
      tx(chain.api, 'subtensorModule', 'burnedRegister')(1, chain.hotkey.address),
      chain.alice,
    );
    expect(describeDispatchError(chain.api, registered.dispatchError)).toBeUndefined();
    expect(eventNames(registered.events)).toContain('subtensorModule.NeuronRegistered');
    expect(eventField(registered.events, 'transactionPayment.TransactionFeePaid', 1)).toBeGreaterThan(0n);
    const again = await chain.send(
      tx(chain.api, 'subtensorModule', 'burnedRegister')(1, chain.hotkey.address),
      chain.alice,
    );
    expect(describeDispatchError(chain.api, again.dispatchError)).toBe(
      'subtensorModule.HotKeyAlreadyRegisteredInSubNet',
    );
  });

  it('serves an axon from the hotkey, which holds no balance, and reads it back', async () => {
    const account = (await query(chain.api, 'system', 'account')(chain.hotkey.address)) as Codec & {
      data: { free: Codec };
    };
    expect(account.data.free.toString()).toBe('0');
    const served = await chain.send(
      tx(chain.api, 'subtensorModule', 'serveAxon')(1, 1, IP_198_51_100_10, 8091, 4, 4, 0, 0),
      chain.hotkey,
    );
    expect(describeDispatchError(chain.api, served.dispatchError)).toBeUndefined();
    const axon = (await query(chain.api, 'subtensorModule', 'axons')(1, chain.hotkey.address)).toJSON();
    expect(axon).toEqual(expect.objectContaining({ ip: IP_198_51_100_10, port: 8091 }) as unknown);
  });

  it('answers runtime APIs in the metadata’s own output types, and keys storage with its hashers', async () => {
    const uid = Number((await query(chain.api, 'subtensorModule', 'uids')(1, chain.hotkey.address)).toString());
    // api.call is decorated from the V16 metadata's `apis` section: decoding uses the fixture's type ids.
    const neurons = (await runtimeCall(chain.api, 'neuronInfoRuntimeApi', 'getNeuronsLite')(1)).toJSON() as {
      hotkey: string;
      uid: number;
      axonInfo: { port: number };
    }[];
    const neuron = neurons.find((candidate) => candidate.uid === uid);
    expect(neuron?.hotkey).toBe(chain.hotkey.address);
    expect(neuron?.axonInfo.port).toBe(8091);
    // The devnet's own key for Axons(1, hotkey) is the one the metadata's hashers give.
    const key = chain.api.query.subtensorModule?.axons?.key(1, chain.hotkey.address);
    const keys = await chain.api.rpc.state.getKeys(chain.api.query.subtensorModule?.axons?.keyPrefix(1) ?? '0x');
    expect(keys.map((stored) => stored.toHex())).toContain(key);
  });

  it('is what --metadata-from takes: fetched once over the websocket, then read from its cache', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'devnet-metadata-from-'));
    try {
      const file = await fetchMetadataOnce(chain.devnet.url, cache);
      expect(readMetadataFile(file)).toEqual(new Uint8Array(readFileSync(fixture)));
      // Keyed by URL: another node is asked (and here fails); the same URL is answered from the cached file.
      expect(await fetchMetadataOnce('ws://127.0.0.1:1', cache).catch(() => 'asked')).toBe('asked');
      expect(await fetchMetadataOnce(chain.devnet.url, cache)).toBe(file);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('stakes to the hotkey: StakeAdded carries spec 424’s sixth field (the fee)', async () => {
    const staked = await chain.send(
      tx(chain.api, 'subtensorModule', 'addStake')(chain.hotkey.address, 1, 10_000_000_000n),
      chain.alice,
    );
    expect(describeDispatchError(chain.api, staked.dispatchError)).toBeUndefined();
    const event = staked.events.find(
      ({ event }) => event.section === 'subtensorModule' && event.method === 'StakeAdded',
    );
    expect(event?.event.data.length).toBe(6);
  });

  it('offers the mechanism weight calls: mechanism 0 sets weights, mechanism 1 does not exist', async () => {
    const uid = Number((await query(chain.api, 'subtensorModule', 'uids')(1, chain.hotkey.address)).toString());
    const onMechanism = (mecid: number) =>
      chain.send(tx(chain.api, 'subtensorModule', 'setMechanismWeights')(1, mecid, [uid], [65535], 0), chain.hotkey);
    const set = await onMechanism(0);
    expect(describeDispatchError(chain.api, set.dispatchError)).toBeUndefined();
    expect(eventNames(set.events)).toContain('subtensorModule.WeightsSet');
    expect(describeDispatchError(chain.api, (await onMechanism(1)).dispatchError)).toBe(
      'subtensorModule.MechanismDoesNotExist',
    );
    // commit_crv3_weights is gone at 424: a client cannot even build it.
    expect(chain.api.tx.subtensorModule?.commitCrv3Weights).toBeUndefined();
  });

  it('refuses set_weights with CommitRevealEnabled once the subnet uses commit-reveal', async () => {
    const enable = tx(chain.api, 'adminUtils', 'sudoSetCommitRevealWeightsEnabled')(1, true);
    const sudid = await chain.send(tx(chain.api, 'sudo', 'sudo')(enable), chain.alice);
    expect(describeDispatchError(chain.api, sudid.dispatchError)).toBeUndefined();
    const refused = await chain.send(tx(chain.api, 'subtensorModule', 'setWeights')(1, [0], [1], 0), chain.hotkey);
    expect(describeDispatchError(chain.api, refused.dispatchError)).toBe('subtensorModule.CommitRevealEnabled');
    // As on chain, set_mechanism_weights checks commit-reveal before the mechanism: even mechanism 1 says so.
    const onMissingMechanism = await chain.send(
      tx(chain.api, 'subtensorModule', 'setMechanismWeights')(1, 1, [0], [1], 0),
      chain.hotkey,
    );
    expect(describeDispatchError(chain.api, onMissingMechanism.dispatchError)).toBe(
      'subtensorModule.CommitRevealEnabled',
    );
  });

  it('runs the stateful epoch scheduler: SubnetEpochIndex counts epochs every tempo blocks from LastEpochBlock', async () => {
    const read = async (item: string): Promise<number> =>
      Number((await query(chain.api, 'subtensorModule', item)(1)).toString());
    const tempo = await read('tempo');
    // `get_next_epoch_start_block`: LastEpochBlock + Tempo (no trigger pending here).
    expect(await read('pendingEpochAt')).toBe(0);
    const next = (await read('lastEpochBlock')) + tempo;
    const before = (await chain.api.rpc.chain.getHeader()).number.toNumber();
    const index = await read('subnetEpochIndex');
    await chain.devnet.newBlock(next - before);
    expect(await read('lastEpochBlock')).toBe(next);
    expect(await read('subnetEpochIndex')).toBe(index + 1);
    expect(await read('blocksSinceLastStep')).toBe(0);
    await chain.devnet.newBlock(tempo);
    expect(await read('lastEpochBlock')).toBe(next + tempo);
    expect(await read('subnetEpochIndex')).toBe(index + 2);
    // The timelocked-commit version the runtime requires, stored as genesis leaves it.
    expect((await query(chain.api, 'subtensorModule', 'commitRevealWeightsVersion')()).toString()).toBe('4');
  });

  it('gates a new subnet on start_call: staking refused with SubtokenDisabled until its owner starts it', async () => {
    const bob = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Bob');
    const registered = await chain.send(tx(chain.api, 'subtensorModule', 'registerNetwork')(bob.address), chain.alice);
    expect(describeDispatchError(chain.api, registered.dispatchError)).toBeUndefined();
    const netuid = Number(eventField(registered.events, 'subtensorModule.NetworkAdded', 0));
    // Commit-reveal is on for a new subnet (the metadata's default), and it has not started.
    expect((await query(chain.api, 'subtensorModule', 'commitRevealWeightsEnabled')(netuid)).toString()).toBe('true');
    expect((await query(chain.api, 'subtensorModule', 'firstEmissionBlockNumber')(netuid)).toJSON()).toBeNull();
    const early = await chain.send(
      tx(chain.api, 'subtensorModule', 'addStake')(chain.hotkey.address, netuid, 10_000_000_000n),
      chain.alice,
    );
    expect(describeDispatchError(chain.api, early.dispatchError)).toBe('subtensorModule.SubtokenDisabled');

    const byStranger = await chain.send(tx(chain.api, 'subtensorModule', 'startCall')(netuid), bob);
    expect(describeDispatchError(chain.api, byStranger.dispatchError)).toBe('BadOrigin');
    const started = await chain.send(tx(chain.api, 'subtensorModule', 'startCall')(netuid), chain.alice);
    expect(describeDispatchError(chain.api, started.dispatchError)).toBeUndefined();
    const firstEmission = Number(eventField(started.events, 'subtensorModule.FirstEmissionBlockNumberSet', 1));
    const startedAt = (await chain.api.rpc.chain.getHeader(started.blockHash)).number.toNumber();
    expect(firstEmission).toBe(startedAt + 1);
    expect((await query(chain.api, 'subtensorModule', 'subtokenEnabled')(netuid)).toString()).toBe('true');
    const again = await chain.send(tx(chain.api, 'subtensorModule', 'startCall')(netuid), chain.alice);
    expect(describeDispatchError(chain.api, again.dispatchError)).toBe(
      'subtensorModule.FirstEmissionBlockNumberAlreadySet',
    );
    const staked = await chain.send(
      tx(chain.api, 'subtensorModule', 'addStake')(chain.hotkey.address, netuid, 10_000_000_000n),
      chain.alice,
    );
    expect(describeDispatchError(chain.api, staked.dispatchError)).toBeUndefined();
  });

  it('lets free calls through CheckNonce for a hotkey that never held a rao', async () => {
    const nonce = await runtimeCall(chain.api, 'accountNonceApi', 'accountNonce')(chain.hotkey.address);
    // serve_axon, set_mechanism_weights three times, set_weights: all signed by the zero-balance hotkey.
    expect(Number(nonce.toString())).toBe(5);
  });
});
