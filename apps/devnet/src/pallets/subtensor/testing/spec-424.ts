import { readMetadataFile } from '../../../runtime/metadata-source';
import { runtimeMetadataFromBytes, type RuntimeMetadata } from '../../../runtime/runtime-metadata';

const loaded = new Map<string, RuntimeMetadata>();

/**
 * `describe` on the real spec-424 metadata when its fixture file is present (specs pass @taonode/testing's
 * `spec424MetadataFile()`), decoded once per file; `describe.skip` with the reason in its title otherwise.
 */
export function describeOn424(
  title: string,
  file: string | undefined,
  body: (runtime: () => RuntimeMetadata) => void,
): void {
  if (file === undefined) {
    describe.skip(`${title} (skipped: spec-424 metadata fixture absent; set SUBTENSOR_METADATA_424)`, () => {
      it('needs the spec-424 metadata', () => undefined);
    });
    return;
  }
  const runtime = (): RuntimeMetadata => {
    const known = loaded.get(file);
    if (known) {
      return known;
    }
    const decoded = runtimeMetadataFromBytes(readMetadataFile(file));
    loaded.set(file, decoded);
    return decoded;
  };
  describe(`${title} (spec 424 metadata)`, () => body(runtime));
}
