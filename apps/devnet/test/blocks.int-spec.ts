import type { AccountInfo, Header } from '@polkadot/types/interfaces';
import { blake2AsHex } from '@polkadot/util-crypto';
import { TAO } from './scenarios/balances.scenario';
import { sendAndSeal } from './support/chain-client';
import { startDevnetFixture, type DevnetFixture } from './support/devnet-fixture';
import { rawRpc } from './support/raw-rpc';
import { accountInfo, query, storageKey, subscribeAccount, systemEvents, tx } from './support/typed-api';

/**
 * Subscribes and resolves once the first item (the current value) has arrived, with a promise of the first
 * `count` items; unsubscribes after them.
 */
async function collect<T>(
  subscribe: (push: (item: T) => void) => Promise<() => void>,
  count: number,
): Promise<{ readonly items: Promise<T[]> }> {
  const items: T[] = [];
  let onFirst: () => void = () => undefined;
  let onDone: (all: T[]) => void = () => undefined;
  const first = new Promise<void>((resolve) => (onFirst = resolve));
  const done = new Promise<T[]>((resolve) => (onDone = resolve));
  const unsubscribe = await subscribe((item) => {
    items.push(item);
    if (items.length === 1) {
      onFirst();
    }
    if (items.length === count) {
      onDone(items);
    }
  });
  await first;
  return { items: done.finally(() => unsubscribe()) };
}

describe('devnet blocks', () => {
  let fixture: DevnetFixture;

  beforeAll(async () => {
    fixture = await startDevnetFixture({ stateRetention: 8, blockRetention: 40 });
  });

  afterAll(() => fixture.stop());

  it('streams new and finalized heads in order, each hash the blake2-256 of its header', async () => {
    const { api, devnet } = fixture;
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    const heads = await collect<Header>((push) => api.rpc.chain.subscribeNewHeads(push), 4);
    const finalized = await collect<Header>((push) => api.rpc.chain.subscribeFinalizedHeads(push), 4);
    await devnet.newBlock(3);
    const [best, final] = await Promise.all([heads.items, finalized.items]);
    expect(best.map((header) => header.number.toNumber())).toEqual([start, start + 1, start + 2, start + 3]);
    expect(final.map((header) => header.number.toNumber())).toEqual([start, start + 1, start + 2, start + 3]);
    for (const [index, header] of best.entries()) {
      const hash = await api.rpc.chain.getBlockHash(header.number.toNumber());
      expect(blake2AsHex(header.toU8a(), 256)).toBe(hash.toHex());
      const next = best[index + 1];
      if (next) {
        expect(next.parentHash.toHex()).toBe(hash.toHex());
      }
    }
    expect((await api.rpc.chain.getFinalizedHead()).toHex()).toBe(
      (await api.rpc.chain.getBlockHash(start + 3)).toHex(),
    );
  });

  it('carries an Aura pre-runtime digest and a timestamp inherent, and records number, parent and time', async () => {
    const { api, devnet } = fixture;
    const hash = await devnet.newBlock();
    const signed = await api.rpc.chain.getBlock(hash);
    const { header } = signed.block;
    const [log] = header.digest.logs;
    expect(log?.isPreRuntime).toBe(true);
    expect(log?.asPreRuntime[0].toString()).toBe('aura');
    const [inherent] = signed.block.extrinsics;
    expect(inherent?.isSigned).toBe(false);
    expect(`${inherent?.method.section}.${inherent?.method.method}`).toBe('timestamp.set');

    const at = await api.at(hash);
    const number = header.number.toNumber();
    expect((await query(at, 'system', 'number')()).toString()).toBe(String(number));
    expect((await query(at, 'system', 'parentHash')()).toHex()).toBe(header.parentHash.toHex());
    expect((await query(at, 'system', 'blockHash')(number - 1)).toHex()).toBe(header.parentHash.toHex());
    const now = BigInt((await query(at, 'timestamp', 'now')()).toString());
    const before = BigInt((await query(await api.at(header.parentHash), 'timestamp', 'now')()).toString());
    expect(now).toBeGreaterThan(before);
    expect(inherent?.method.args[0]?.toString()).toBe(now.toString());

    const events = (await systemEvents(at)).map(({ phase, event }) => ({
      phase: phase.toString(),
      name: `${event.section}.${event.method}`,
      event,
    }));
    // The devnet's drand beacon stores its due pulses while the block initialises (drand.NewPulse); the only
    // extrinsic is the timestamp inherent.
    const pulses = events.filter(({ name }) => name === 'drand.NewPulse');
    expect(pulses.map(({ phase }) => phase)).toEqual(pulses.map(() => 'Initialization'));
    const others = events.filter(({ name }) => name !== 'drand.NewPulse');
    expect(others.map(({ phase, name }) => [phase, name])).toEqual([
      ['{"applyExtrinsic":0}', 'system.ExtrinsicSuccess'],
    ]);
    expect(others[0]?.event.data[0]?.toJSON()).toMatchObject({ class: 'Mandatory' });
  });

  it('answers queries as of the block they name', async () => {
    const { api, seal, accounts } = fixture;
    const bob = accounts.bob.address;
    const before = await api.rpc.chain.getBlockHash();
    const result = await sendAndSeal(tx(api, 'balances', 'transferKeepAlive')(bob, 3n * TAO), accounts.alice, seal);
    const freeAt = async (hash: string) => BigInt((await accountInfo(await api.at(hash), bob)).data.free.toString());
    expect((await freeAt(result.blockHash.toHex())) - (await freeAt(before.toHex()))).toBe(3n * TAO);
    const [raw] = await api.rpc.state.queryStorageAt<[AccountInfo]>(
      [storageKey(api, 'system', 'account', bob)],
      before,
    );
    expect(raw.toHex()).toBe((await accountInfo(await api.at(before), bob)).toHex());
  });

  it('reports a pruned block as discarded state, like a pruned node', async () => {
    const { api, devnet } = fixture;
    const old = await api.rpc.chain.getBlockHash(1);
    await devnet.newBlock(10);
    await expect(api.rpc.state.getStorage(storageKey(api, 'system', 'number'), old)).rejects.toThrow(
      `4003: Client error: UnknownBlock: State already discarded for ${old.toHex()}`,
    );
    // Headers and bodies outlive the state...
    expect((await api.rpc.chain.getHeader(old)).number.toNumber()).toBe(1);
    // ...until the block retention drops them too; the hash of the number stays known.
    await devnet.newBlock(40);
    expect((await api.rpc.chain.getBlockHash(1)).toHex()).toBe(old.toHex());
    expect(
      await rawRpc(devnet.url, { jsonrpc: '2.0', id: 1, method: 'chain_getHeader', params: [old.toHex()] }),
    ).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: null,
    });
  });

  it('notifies storage subscribers of the keys each block changes', async () => {
    const { api, seal, accounts } = fixture;
    const charlie = accounts.charlie.address;
    const updates = await collect<bigint>(
      (push) => subscribeAccount(api, charlie, (info) => push(info.data.free.toBigInt())),
      2,
    );
    await sendAndSeal(tx(api, 'balances', 'transferKeepAlive')(charlie, TAO), accounts.alice, seal);
    const [first, second] = await updates.items;
    expect((second ?? 0n) - (first ?? 0n)).toBe(TAO);
  });
});
