import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata/decorate';
import type { DecoratedMeta } from '@polkadot/types/metadata/decorate/types';
import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { SUBTENSOR_METADATA, subtensorMetadataFile } from '@taonode/chain';

/**
 * Where the spec-224 metadata module of @bitgo/sdk-coin-tao@1.16.4 is cached (never committed; `TAONODE_CACHE_DIR`
 * moves it): fetched by `npm run setup` or by `taonode devnet` on first use, through @taonode/chain.
 */
export const METADATA_CACHE_FILE = subtensorMetadataFile();
export const METADATA_SHA256 = SUBTENSOR_METADATA.sha256;

/**
 * Signed extensions that carry no data (spec 233's and spec 424's, subtensor-today.md §2.1); declared so
 * @polkadot/types does not warn about them.
 */
export const NO_DATA_SIGNED_EXTENSIONS = {
  SubtensorSignedExtension: { extrinsic: {}, payload: {} },
  CommitmentsSignedExtension: { extrinsic: {}, payload: {} },
  SudoTransactionExtension: { extrinsic: {}, payload: {} },
  CheckShieldedTxValidity: { extrinsic: {}, payload: {} },
  SubtensorTransactionExtension: { extrinsic: {}, payload: {} },
  DrandPriority: { extrinsic: {}, payload: {} },
} as const;

export class MetadataUnavailableError extends Error {
  readonly code = 'TAONODE_DEVNET_METADATA_UNAVAILABLE';
}

interface TestnetMaterial {
  readonly genesisHash: string;
  readonly chainName: string;
  readonly specName: string;
  readonly specVersion: string;
  readonly txVersion: string;
  readonly metadata: `0x${string}`;
}

/** The real subtensor metadata with the registry and decorated storage/calls/events/errors built from it. */
export interface RuntimeMetadata {
  readonly registry: TypeRegistry;
  readonly metadata: Metadata;
  readonly decorated: DecoratedMeta;
  /** SCALE bytes of the metadata exactly as `state_getMetadata` serves them. */
  readonly metadataHex: `0x${string}`;
  readonly chainName: string;
  readonly specName: string;
  /** The label BitGo gave the material (spec 224); the metadata's own System.Version constant may differ. */
  readonly materialSpecVersion: number;
  readonly transactionVersion: number;
}

let cached: RuntimeMetadata | undefined;

/**
 * Loads and verifies the cached metadata. Built once per process: decorating 199 kB of metadata takes
 * a few hundred milliseconds and every block, query and extrinsic reuses the same registry.
 */
export function loadRuntimeMetadata(file: string = METADATA_CACHE_FILE): RuntimeMetadata {
  if (cached && file === METADATA_CACHE_FILE) {
    return cached;
  }
  if (!existsSync(file)) {
    throw new MetadataUnavailableError(
      `subtensor metadata not found at ${file}: run "npm run setup" (it fetches @bitgo/sdk-coin-tao@1.16.4 with npm and checks its sha256)`,
    );
  }
  const bytes = readFileSync(file);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== METADATA_SHA256) {
    throw new MetadataUnavailableError(
      `subtensor metadata at ${file} has sha256 ${digest}, expected ${METADATA_SHA256}: delete it and run "npm run setup"`,
    );
  }
  const material = parseMaterial(bytes.toString('utf8'), file);
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, material.metadata);
  registry.setMetadata(metadata, undefined, NO_DATA_SIGNED_EXTENSIONS);
  const loaded: RuntimeMetadata = {
    registry,
    metadata,
    decorated: expandMetadata(registry, metadata),
    metadataHex: material.metadata,
    chainName: material.chainName,
    specName: material.specName,
    materialSpecVersion: Number(material.specVersion),
    transactionVersion: Number(material.txVersion),
  };
  if (file === METADATA_CACHE_FILE) {
    cached = loaded;
  }
  return loaded;
}

/**
 * A runtime's metadata given as `RuntimeMetadataPrefixed` bytes (V14 to V16: `--metadata FILE`,
 * `--metadata-from URL`). Names and versions come from the metadata's own `System.Version` constant.
 */
export function runtimeMetadataFromBytes(bytes: Uint8Array): RuntimeMetadata {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytes);
  registry.setMetadata(metadata, undefined, NO_DATA_SIGNED_EXTENSIONS);
  const decorated = expandMetadata(registry, metadata);
  const version = decorated.consts.system?.version as
    (Codec & { specName: Codec; specVersion: Codec; transactionVersion: Codec }) | undefined;
  if (!version) {
    throw new MetadataUnavailableError('the metadata has no System.Version constant');
  }
  return {
    registry,
    metadata,
    decorated,
    metadataHex: u8aToHex(bytes),
    chainName: 'Bittensor',
    specName: version.specName.toString(),
    materialSpecVersion: Number(version.specVersion.toString()),
    transactionVersion: Number(version.transactionVersion.toString()),
  };
}

function parseMaterial(source: string, file: string): TestnetMaterial {
  // The file is a CommonJS module (`exports.testnetMaterial = {...}`); evaluate it in an isolated exports object.
  const moduleExports: { testnetMaterial?: TestnetMaterial } = {};
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- trusted content, verified by sha256 above
  const evaluate = new Function('exports', source) as (target: typeof moduleExports) => void;
  evaluate(moduleExports);
  const material = moduleExports.testnetMaterial;
  if (!material?.metadata?.startsWith('0x6d657461')) {
    throw new MetadataUnavailableError(`${file} does not export testnetMaterial.metadata: run "npm run setup"`);
  }
  return material;
}
