import type { ApiPromise } from '@polkadot/api';
import { blake2AsHex } from '@polkadot/util-crypto';
import { ChainError } from '../errors/chain.error';
import { metadataLayout, UnsupportedLayoutError, type RuntimeApiLayout } from '../runtime-api/metadata-layout';

/** Which extrinsic sets weights directly on this runtime. */
export type SetWeightsCall = 'setMechanismWeights' | 'setWeights';
/** Which extrinsic commits a commit-reveal v2 hash. */
export type CommitWeightsCall = 'commitMechanismWeights' | 'commitWeights';
/** Which extrinsic reveals a commit-reveal v2 commit. */
export type RevealWeightsCall = 'revealMechanismWeights' | 'revealWeights';
/** Which extrinsic carries a timelocked (CRv3/v4) commit, when the runtime has one. */
export type TimelockedCommitCall = 'commitTimelockedMechanismWeights' | 'commitTimelockedWeights' | 'commitCrv3Weights';

/** Layouts read from a metadata, per registry (one per runtime version the api has seen). */
const LAYOUTS = new WeakMap<object, Map<string, RuntimeApiLayout>>();

/** The runtime API identifier the runtime version lists: blake2-64 of the trait name. */
export function runtimeApiId(trait: string): `0x${string}` {
  return blake2AsHex(trait, 64);
}

/**
 * What the connected runtime offers, read from its metadata and runtime version, so the same code runs
 * against the spec-224 devnet (V14) and a current runtime (V15, spec 4xx): items such as `rank`, `trust` and
 * `pruningScores` are gone at HEAD; `setMechanismWeights` and `commitTimelockedWeights` are missing at 224.
 * Reads the live api, so it follows runtime upgrades.
 */
export class ChainFeatures {
  constructor(private readonly api: ApiPromise) {}

  get specVersion(): number {
    return this.api.runtimeVersion.specVersion.toNumber();
  }

  get specName(): string {
    return this.api.runtimeVersion.specName.toString();
  }

  /** Metadata version served by the node (14 for the devnet, 15 for a current runtime). */
  get metadataVersion(): number {
    return this.api.runtimeMetadata.version;
  }

  /** Whether `api.query[section][item]` exists (decorated camelCase names: `subtensorModule`, `pruningScores`). */
  hasStorage(section: string, item: string): boolean {
    const module = (this.api.query as unknown as Record<string, Record<string, unknown> | undefined>)[section];
    return module?.[item] !== undefined;
  }

  /** Whether `api.tx[section][method]` exists. */
  hasCall(section: string, method: string): boolean {
    const module = (this.api.tx as unknown as Record<string, Record<string, unknown> | undefined>)[section];
    return module?.[method] !== undefined;
  }

  /** Whether the runtime version lists the runtime API `trait` (e.g. `NeuronInfoRuntimeApi`). */
  hasRuntimeApi(trait: string): boolean {
    const id = runtimeApiId(trait);
    return this.api.runtimeVersion.apis.some(([apiId]) => apiId.toHex() === id);
  }

  /**
   * What the V15 metadata says `trait.method` returns: `opaque` when it is declared as `Vec<u8>` (runtimes up to
   * about spec 218 wrap their SCALE result in bytes), `typed` when it is a real type, `unknown` on V14 metadata
   * (no runtime API section) or when the method is not described.
   */
  runtimeApiOutput(trait: string, method: string): 'opaque' | 'typed' | 'unknown' {
    if (this.metadataVersion < 15) {
      return 'unknown';
    }
    const latest = this.api.runtimeMetadata.asLatest;
    const api = latest.apis.find((entry) => entry.name.toString() === trait);
    const found = api?.methods.find((entry) => entry.name.toString() === method);
    if (found === undefined) {
      return 'unknown';
    }
    const definition = this.api.registry.lookup.getTypeDef(found.output);
    return definition.type === 'Bytes' || definition.type === 'Vec<u8>' ? 'opaque' : 'typed';
  }

  /**
   * The layout the metadata declares for `trait.method`'s output (V15/V16, typed, not `Vec<u8>`), or undefined
   * where it declares none or a shape our reader does not follow: readers then use our own layouts.
   */
  runtimeApiLayout(trait: string, method: string): RuntimeApiLayout | undefined {
    if (this.runtimeApiOutput(trait, method) !== 'typed') {
      return undefined;
    }
    const found = this.api.runtimeMetadata.asLatest.apis
      .find((entry) => entry.name.toString() === trait)
      ?.methods.find((entry) => entry.name.toString() === method);
    if (found === undefined) {
      return undefined;
    }
    const { registry } = this.api;
    const key = `${trait}_${method}`;
    const cached = LAYOUTS.get(registry)?.get(key);
    if (cached !== undefined) {
      return cached;
    }
    try {
      const layout = metadataLayout(registry, found.output.toNumber());
      LAYOUTS.set(registry, (LAYOUTS.get(registry) ?? new Map<string, RuntimeApiLayout>()).set(key, layout));
      return layout;
    } catch (error) {
      if (error instanceof UnsupportedLayoutError) {
        return undefined;
      }
      throw error;
    }
  }

  /** The direct weights extrinsic: the mechanism-aware one where it exists (as SDK v10), the legacy one otherwise. */
  setWeightsCall(mechanismId = 0): SetWeightsCall {
    if (this.hasCall('subtensorModule', 'setMechanismWeights')) {
      return 'setMechanismWeights';
    }
    return this.legacyOnly(mechanismId, 'setWeights', 'set weights');
  }

  commitWeightsCall(mechanismId = 0): CommitWeightsCall {
    if (this.hasCall('subtensorModule', 'commitMechanismWeights')) {
      return 'commitMechanismWeights';
    }
    return this.legacyOnly(mechanismId, 'commitWeights', 'commit weights');
  }

  revealWeightsCall(mechanismId = 0): RevealWeightsCall {
    if (this.hasCall('subtensorModule', 'revealMechanismWeights')) {
      return 'revealMechanismWeights';
    }
    return this.legacyOnly(mechanismId, 'revealWeights', 'reveal weights');
  }

  /** The timelocked commit extrinsic of this runtime, or undefined when it has none. */
  timelockedCommitCall(): TimelockedCommitCall | undefined {
    const candidates: readonly TimelockedCommitCall[] = [
      'commitTimelockedMechanismWeights',
      'commitTimelockedWeights',
      'commitCrv3Weights',
    ];
    return candidates.find((call) => this.hasCall('subtensorModule', call));
  }

  private legacyOnly<T extends string>(mechanismId: number, call: T, what: string): T {
    if (!this.hasCall('subtensorModule', call)) {
      throw new ChainError('TAONODE_CHAIN_UNSUPPORTED', `this runtime (spec ${this.specVersion}) cannot ${what}`);
    }
    if (mechanismId !== 0) {
      throw new ChainError(
        'TAONODE_CHAIN_UNSUPPORTED',
        `this runtime (spec ${this.specVersion}) has no mechanisms: only mechanism 0 can ${what}`,
      );
    }
    return call;
  }
}
