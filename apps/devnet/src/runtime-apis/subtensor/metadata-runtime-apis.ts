import type { RuntimeVersion } from '@polkadot/types/interfaces';
import { blake2AsHex } from '@polkadot/util-crypto';
import { constant } from '../../runtime/runtime-constants';
import type { RuntimeMetadata } from '../../runtime/runtime-metadata';

/** One runtime API method as the metadata types it: registry type names (`Lookup670`) of its inputs and output. */
export interface DeclaredApiMethod {
  readonly inputs: readonly string[];
  readonly output: string;
}

interface MetadataApiEntry {
  readonly name: { toString(): string };
  readonly methods: readonly {
    readonly name: { toString(): string };
    readonly inputs: readonly { readonly type: Parameters<RuntimeMetadata['registry']['createLookupType']>[0] }[];
    readonly output: Parameters<RuntimeMetadata['registry']['createLookupType']>[0];
  }[];
}

/**
 * The runtime APIs a V15/V16 metadata declares (its `apis` section), trait → method → types, or undefined on
 * V14 metadata, which has no such section. These are the types a client decodes answers with
 * (`api.call.<trait>.<method>`), so the devnet encodes with them too.
 */
export function declaredRuntimeApis(
  runtime: RuntimeMetadata,
): ReadonlyMap<string, ReadonlyMap<string, DeclaredApiMethod>> | undefined {
  if (runtime.metadata.version < 15) {
    return undefined;
  }
  const apis = (runtime.metadata.asLatest as unknown as { apis?: readonly MetadataApiEntry[] }).apis ?? [];
  const { registry } = runtime;
  return new Map(
    apis.map((api) => [
      api.name.toString(),
      new Map(
        api.methods.map((method) => [
          method.name.toString(),
          {
            inputs: method.inputs.map((input) => registry.createLookupType(input.type)),
            output: registry.createLookupType(method.output),
          },
        ]),
      ),
    ]),
  );
}

/** The registry type name of `trait.method`'s output as the metadata declares it, or undefined (V14, not declared). */
export function metadataApiOutput(runtime: RuntimeMetadata, trait: string, method: string): string | undefined {
  return declaredRuntimeApis(runtime)?.get(trait)?.get(method)?.output;
}

/** The version of `trait` in the metadata's own `System.Version.apis`, or undefined when it is not listed. */
export function declaredApiVersion(runtime: RuntimeMetadata, trait: string): number | undefined {
  const hash = blake2AsHex(trait, 64);
  const declared = constant<RuntimeVersion>(runtime, 'system', 'version').apis.find(([id]) => id.toHex() === hash);
  return declared?.[1].toNumber();
}
