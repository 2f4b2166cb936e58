import { loadBittensorVectors } from '@taonode/testing';
import type { BittensorVectors } from '../test/support/shared-vectors';
import { VersionFormatError } from './errors/local-errors';
import { SDK_VERSION, SDK_VERSION_AS_INT, versionAsInt } from './version';

describe('versionAsInt', () => {
  it.each(Object.entries(loadBittensorVectors<BittensorVectors>().version_as_int.examples))(
    'maps %s to %d',
    (version, expected) => {
      expect(versionAsInt(version)).toBe(expected);
    },
  );

  it('matches the SDK constant', () => {
    expect(versionAsInt(SDK_VERSION)).toBe(SDK_VERSION_AS_INT);
  });

  it.each(['1.2.x', '1.1000.0', '2148.0.0', ''])('refuses %j', (version) => {
    expect(() => versionAsInt(version)).toThrow(VersionFormatError);
  });
});
