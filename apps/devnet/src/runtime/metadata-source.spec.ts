import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { checkMetadataBytes, fetchMetadataOnce, MAX_METADATA_BYTES, readMetadataFile } from './metadata-source';
import { MetadataUnavailableError } from './runtime-metadata';

const prefixed = (version: number): Uint8Array => new Uint8Array([0x6d, 0x65, 0x74, 0x61, version, 0]);

describe('metadata given to --metadata / --metadata-from', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'devnet-metadata-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes V14 to V16, as SCALE bytes or 0x hex', () => {
    for (const version of [14, 15, 16]) {
      const raw = join(dir, `v${version}.scale`);
      writeFileSync(raw, prefixed(version));
      expect(readMetadataFile(raw)).toEqual(prefixed(version));
      const hex = join(dir, `v${version}.hex`);
      writeFileSync(hex, `${u8aToHex(prefixed(version))}\n`);
      expect(readMetadataFile(hex)).toEqual(prefixed(version));
    }
  });

  it('refuses other versions, missing magic, oversized input and a missing file with a typed error', () => {
    expect(() => checkMetadataBytes(prefixed(13), 'x')).toThrow(MetadataUnavailableError);
    expect(() => checkMetadataBytes(new Uint8Array([1, 2, 3, 4, 14]), 'x')).toThrow(/magic/);
    expect(() => checkMetadataBytes(new Uint8Array(MAX_METADATA_BYTES + 1), 'x')).toThrow(/limit/);
    expect(() => readMetadataFile(join(dir, 'absent.scale'))).toThrow(MetadataUnavailableError);
  });

  it('takes --metadata-from only as a websocket URL', async () => {
    await expect(fetchMetadataOnce('https://example.invalid', dir)).rejects.toThrow(MetadataUnavailableError);
  });
});
