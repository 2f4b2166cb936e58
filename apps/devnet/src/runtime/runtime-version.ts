import type { RuntimeVersion } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import type { Hex } from '../state/block-state';
import { constant } from './runtime-constants';
import type { RuntimeMetadata } from './runtime-metadata';

/** A runtime API trait as `RuntimeVersion.apis` lists it. */
export interface ApiDeclaration {
  readonly trait: string;
  readonly version: number;
}

/** `state_getRuntimeVersion`'s JSON, in the field names and shapes substrate serialises. */
export interface RuntimeVersionJson {
  readonly specName: string;
  readonly implName: string;
  readonly authoringVersion: number;
  readonly specVersion: number;
  readonly implVersion: number;
  readonly apis: readonly (readonly [Hex, number])[];
  readonly transactionVersion: number;
  /** Named `stateVersion` up to spec 233; polkadot-sdk renamed it `systemVersion` (spec 424 serves that). */
  readonly stateVersion?: number;
  readonly systemVersion?: number;
}

/**
 * The runtime version the devnet serves: exactly the metadata's own `System.Version` constant (spec 233 in
 * the material BitGo labelled 224), which is what a real node returns from `state_getRuntimeVersion`, so
 * `api.runtimeVersion` and `api.consts.system.version` agree. Its `apis` list already names the real traits
 * (Metadata v2, Core v5, AccountNonceApi v1, TransactionPaymentApi v4, NeuronInfoRuntimeApi v1, ...);
 * `extraApis` (the simulated subtensor runtime APIs) are added only when the metadata does not list them: a
 * listed trait keeps the metadata's version (spec 424: SubnetInfoRuntimeApi v2), and the subtensor modules
 * take their version from the same list.
 */
export class RuntimeVersionInfo {
  readonly json: RuntimeVersionJson;
  /** SCALE bytes of the `RuntimeVersion` (what `Core_version` returns). */
  readonly encoded: Uint8Array;
  readonly specVersion: number;
  readonly transactionVersion: number;

  constructor(runtime: RuntimeMetadata, extraApis: readonly ApiDeclaration[]) {
    const declared = constant<RuntimeVersion & { systemVersion?: RuntimeVersion['stateVersion'] }>(
      runtime,
      'system',
      'version',
    );
    const { systemVersion } = declared;
    const apis = new Map<Hex, number>(
      declared.apis.map(([hash, version]) => [hash.toHex(), version.toNumber()] as const),
    );
    for (const api of extraApis) {
      const hash = blake2AsHex(api.trait, 64);
      if (!apis.has(hash)) {
        apis.set(hash, api.version);
      }
    }
    this.json = {
      specName: declared.specName.toString(),
      implName: declared.implName.toString(),
      authoringVersion: declared.authoringVersion.toNumber(),
      specVersion: declared.specVersion.toNumber(),
      implVersion: declared.implVersion.toNumber(),
      apis: [...apis.entries()],
      transactionVersion: declared.transactionVersion.toNumber(),
      ...(systemVersion === undefined
        ? { stateVersion: declared.stateVersion.toNumber() }
        : { systemVersion: systemVersion.toNumber() }),
    };
    this.specVersion = this.json.specVersion;
    this.transactionVersion = this.json.transactionVersion;
    this.encoded = runtime.registry
      .createType('RuntimeVersion', {
        ...this.json,
        apis: this.json.apis.map(([hash, version]) => [hash, version]),
        stateVersion: this.json.stateVersion ?? this.json.systemVersion,
      })
      .toU8a();
  }

  get encodedHex(): Hex {
    return u8aToHex(this.encoded);
  }

  /** The version a trait is declared with, or undefined when the runtime does not implement it. */
  apiVersion(trait: string): number | undefined {
    const hash = blake2AsHex(trait, 64);
    return this.json.apis.find(([declared]) => declared === hash)?.[1];
  }
}
