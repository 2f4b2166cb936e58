import { loadRuntimeMetadata } from '../runtime/runtime-metadata';
import { BlockState } from './block-state';
import { Storage } from './storage';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

describe('Storage over the spec-224 metadata', () => {
  const runtime = loadRuntimeMetadata();

  it('answers the declared default for an absent value and the written value after a write', () => {
    const storage = new Storage(runtime, BlockState.empty());
    expect(storage.get('subtensorModule', 'tempo', 1).toString()).toBe('99');
    storage.set('subtensorModule', 'tempo', [1], 360);
    expect(storage.get('subtensorModule', 'tempo', 1).toString()).toBe('360');
    expect(storage.get('subtensorModule', 'tempo', 2).toString()).toBe('99');
  });

  it('writes keys byte-identical to the client-side key builder and SCALE values', () => {
    const storage = new Storage(runtime, BlockState.empty());
    storage.set('subtensorModule', 'tempo', [1], 360);
    const [key, value] = [...storage.changes()][0] ?? [];
    // twox128("SubtensorModule") ++ twox128("Tempo") ++ identity(u16 le 1)
    expect(key).toBe(`${storage.prefix('subtensorModule', 'tempo')}0100`);
    expect(value).toBe('0x6801');
  });

  it('lists map entries under a partial key with their arguments decoded, in key order', () => {
    const storage = new Storage(runtime, BlockState.empty());
    storage.set('subtensorModule', 'uids', [1, ALICE], 0);
    storage.set('subtensorModule', 'uids', [1, BOB], 1);
    storage.set('subtensorModule', 'uids', [2, BOB], 0);
    const entries = storage.entries('subtensorModule', 'uids', 1);
    expect(entries).toHaveLength(2);
    const byHotkey = new Map(entries.map((e) => [e.args[1]?.toString(), e.value.toString()]));
    expect(byHotkey.get(ALICE)).toBe('0');
    expect(byHotkey.get(BOB)).toBe('1');
    expect(storage.getIfPresent('subtensorModule', 'uids', 3, ALICE)).toBeUndefined();
  });

  it('discards the writes of a transactional body that throws and keeps those of one that returns', () => {
    const storage = new Storage(runtime, BlockState.empty());
    expect(() =>
      storage.transactional(() => {
        storage.set('subtensorModule', 'tempo', [1], 5);
        throw new Error('dispatch failed');
      }),
    ).toThrow('dispatch failed');
    expect(storage.get('subtensorModule', 'tempo', 1).toString()).toBe('99');
    storage.transactional(() => storage.set('subtensorModule', 'tempo', [1], 6));
    expect(storage.get('subtensorModule', 'tempo', 1).toString()).toBe('6');
  });

  it('keeps each block state immutable so older blocks answer as of their own block', () => {
    const genesisView = new Storage(runtime, BlockState.empty());
    genesisView.set('subtensorModule', 'tempo', [1], 10);
    const genesis = BlockState.empty().apply(genesisView.changes());
    const nextView = new Storage(runtime, genesis);
    nextView.set('subtensorModule', 'tempo', [1], 20);
    nextView.remove('subtensorModule', 'tempo', 1);
    nextView.set('subtensorModule', 'tempo', [2], 30);
    const next = genesis.apply(nextView.changes());
    expect(new Storage(runtime, genesis).get('subtensorModule', 'tempo', 1).toString()).toBe('10');
    expect(new Storage(runtime, next).getIfPresent('subtensorModule', 'tempo', 1)).toBeUndefined();
    expect(next.keysPaged(nextView.prefix('subtensorModule', 'tempo'), 10)).toHaveLength(1);
  });

  it('pages keys after a start key', () => {
    const view = new Storage(runtime, BlockState.empty());
    for (let netuid = 0; netuid < 5; netuid += 1) {
      view.set('subtensorModule', 'tempo', [netuid], netuid + 1);
    }
    const state = BlockState.empty().apply(view.changes());
    const prefix = view.prefix('subtensorModule', 'tempo');
    const first = state.keysPaged(prefix, 2);
    const rest = state.keysPaged(prefix, 10, first[1]);
    expect(first).toHaveLength(2);
    expect(rest).toHaveLength(3);
    expect(new Set([...first, ...rest]).size).toBe(5);
  });
});
