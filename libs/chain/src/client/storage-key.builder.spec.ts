import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata/decorate';
import type { StorageEntry } from '@polkadot/types/primitive/types';
import { compactStripLength, u8aToHex } from '@polkadot/util';
import { StorageKeyBuilder } from './storage-key.builder';

// The real spec-224 metadata that `npm run setup` caches (never committed): keys must match the ones
// @polkadot/types derives from it, hasher by hasher.
const METADATA_FILE = join(__dirname, '..', '..', '..', '..', '.cache', 'subtensor', 'testnet.js');

function loadRegistry(): { registry: TypeRegistry; query: Record<string, Record<string, StorageEntry>> } {
  const moduleExports: { testnetMaterial?: { metadata: `0x${string}` } } = {};
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the cached npm module, checked by the setup step
  const evaluate = new Function('exports', readFileSync(METADATA_FILE, 'utf8')) as (target: object) => void;
  evaluate(moduleExports);
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, moduleExports.testnetMaterial?.metadata);
  registry.setMetadata(metadata);
  return { registry, query: expandMetadata(registry, metadata).query };
}

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

(existsSync(METADATA_FILE) ? describe : describe.skip)('StorageKeyBuilder', () => {
  const { registry, query } = loadRegistry();
  const entry = (section: string, item: string): StorageEntry => {
    const found = query[section]?.[item];
    if (found === undefined) {
      throw new Error(`no ${section}.${item}`);
    }
    return found;
  };
  const reference = (storage: StorageEntry, args: unknown[]): string =>
    u8aToHex(compactStripLength(storage(...args))[1]);

  it.each([
    ['system', 'account', [ALICE]],
    ['subtensorModule', 'networksAdded', [1]],
    ['subtensorModule', 'keys', [1, 7]],
    ['subtensorModule', 'uids', [1, BOB]],
    ['subtensorModule', 'axons', [3, ALICE]],
    ['subtensorModule', 'totalHotkeyAlpha', [ALICE, 0]],
    ['subtensorModule', 'alpha', [ALICE, BOB, 1]],
    ['subtensorModule', 'weightCommits', [1, BOB]],
    ['subtensorModule', 'revealPeriodEpochs', [2]],
    ['subtensorModule', 'liquidAlphaOn', [2]],
    ['subtensorModule', 'totalNetworks', []],
  ] as const)('builds %s.%s keys as @polkadot/types does', (section, item, args) => {
    const storage = entry(section, item);
    const builder = new StorageKeyBuilder(registry);
    expect(builder.key(storage, [...args])).toBe(reference(storage, [...args]));
    // The memoised second build is the same key.
    expect(builder.key(storage, [...args])).toBe(reference(storage, [...args]));
  });

  it('refuses the wrong number of keys', () => {
    expect(() => new StorageKeyBuilder(registry).key(entry('subtensorModule', 'keys'), [1])).toThrow('takes 2 key(s)');
  });
});
