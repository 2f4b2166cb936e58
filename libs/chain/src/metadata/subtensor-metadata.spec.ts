import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  cacheDirectory,
  describeMetadataFetch,
  ensureSubtensorMetadata,
  isSubtensorMetadataReady,
  subtensorMetadataFile,
} from './subtensor-metadata';

describe('subtensor metadata cache location and check', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'taonode-metadata-spec-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('lives in <repo>/.cache unless TAONODE_CACHE_DIR names another directory', () => {
    expect(cacheDirectory({})).toBe(resolve(__dirname, '..', '..', '..', '..', '.cache'));
    expect(cacheDirectory({ TAONODE_CACHE_DIR: '' })).toBe(cacheDirectory({}));
    expect(subtensorMetadataFile({ TAONODE_CACHE_DIR: directory })).toBe(join(directory, 'subtensor', 'testnet.js'));
    expect(cacheDirectory({ TAONODE_CACHE_DIR: 'relative' })).toBe(resolve('relative'));
  });

  it('treats a missing or damaged file as not ready', () => {
    const env = { TAONODE_CACHE_DIR: directory };
    expect(isSubtensorMetadataReady(env)).toBe(false);
    mkdirSync(join(directory, 'subtensor'));
    writeFileSync(subtensorMetadataFile(env), 'module.exports = {};');
    expect(isSubtensorMetadataReady(env)).toBe(false);
    expect(describeMetadataFetch(env)).toContain(join(directory, 'subtensor'));
  });

  it('does not fetch when the cache is valid (the repository cache, set up by the pretest hook)', async () => {
    const heard: string[] = [];
    if (!isSubtensorMetadataReady({})) {
      return;
    }
    await expect(ensureSubtensorMetadata({ env: {}, onFetch: (line) => heard.push(line) })).resolves.toBe(
      subtensorMetadataFile({}),
    );
    expect(heard).toEqual([]);
  });
});
