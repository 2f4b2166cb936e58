import { SUBTENSOR_RUNTIME_API_METHODS } from '@taonode/chain';
import type { RuntimeApiMethod, RuntimeApiModule } from '../../runtime/dispatch-context';
import type { RuntimeMetadata } from '../../runtime/runtime-metadata';
import { decodeArgs } from '../runtime-api-args';
import { encodeWithMetadataType } from './metadata-encoding';
import { declaredApiVersion, declaredRuntimeApis, type DeclaredApiMethod } from './metadata-runtime-apis';
import { decodeArguments, encodeResult } from './runtime-api-registry';
import { selectiveMetagraphObject, MetagraphSelection } from './selective-metagraph';
import { SUBTENSOR_API_BUILDERS, SUBTENSOR_TRAITS } from './subtensor-api-builders';

/**
 * The subtensor runtime APIs for the served metadata, found by feature detection, never by spec number:
 * - V15/V16 metadata types its runtime APIs: every method it lists under a subtensor trait is served, its
 *   arguments decoded and its answer encoded with the metadata's own types, at the trait version of the
 *   metadata's `System.Version`. A method the devnet does not compute answers its output type's empty value
 *   (`None`, `[]`, 0; listed by {@link unsimulatedMethods}).
 * - V14 metadata types none: the methods of `SUBTENSOR_RUNTIME_API_METHODS`, in our own layouts (the ones
 *   @taonode/chain decodes with), at version 1 as the spec-233 runtime advertises them.
 */
export function createSubtensorRuntimeApis(runtime: RuntimeMetadata): RuntimeApiModule[] {
  const declared = declaredRuntimeApis(runtime);
  if (declared === undefined) {
    return subtensorRuntimeApis;
  }
  return SUBTENSOR_TRAITS.flatMap((trait) => {
    const methods = declared.get(trait);
    if (methods === undefined) {
      return [];
    }
    const served: Record<string, RuntimeApiMethod> = {};
    for (const [name, types] of methods) {
      served[name] = metadataTypedMethod(runtime, `${trait}_${name}`, types, SUBTENSOR_API_BUILDERS[trait]?.[name]);
    }
    return [{ trait, version: declaredApiVersion(runtime, trait) ?? 1, methods: served }];
  });
}

/** The `<trait>_<method>` names a metadata lists under subtensor traits that answer their type's empty value. */
export function unsimulatedMethods(runtime: RuntimeMetadata): string[] {
  const declared = declaredRuntimeApis(runtime);
  return SUBTENSOR_TRAITS.flatMap((trait) =>
    [...(declared?.get(trait)?.keys() ?? [])]
      .filter((name) => SUBTENSOR_API_BUILDERS[trait]?.[name] === undefined)
      .map((name) => `${trait}_${name}`),
  );
}

function metadataTypedMethod(
  runtime: RuntimeMetadata,
  name: string,
  types: DeclaredApiMethod,
  build: ((storage: Parameters<RuntimeApiMethod>[0], args: readonly unknown[]) => unknown) | undefined,
): RuntimeApiMethod {
  const { registry } = runtime;
  return (storage, input) => {
    const args = decodeArgs(registry, name, types.inputs, input).map((arg) => arg.toJSON());
    if (build === undefined) {
      // Not computed here: the output type's empty value, still decodable with the metadata's type.
      return registry.createTypeUnsafe(types.output, []).toU8a();
    }
    return encodeWithMetadataType(registry, types.output, build(storage, args));
  };
}

type Methods = typeof SUBTENSOR_RUNTIME_API_METHODS;

function ownLayoutModule(trait: keyof Methods): RuntimeApiModule {
  const declared = SUBTENSOR_RUNTIME_API_METHODS[trait] as Record<string, { input: readonly string[]; output: string }>;
  const methods: Record<string, RuntimeApiMethod> = {};
  for (const [name, types] of Object.entries(declared)) {
    const build = SUBTENSOR_API_BUILDERS[trait]?.[name];
    if (build === undefined) {
      continue;
    }
    methods[name] = (storage, args) => {
      const value = build(storage, decodeArguments(types.input, args));
      return encodeResult(types.output, value instanceof MetagraphSelection ? selectiveMetagraphObject(value) : value);
    };
  }
  return { trait, version: 1, methods };
}

/**
 * The subtensor runtime APIs in our own layouts (`SUBTENSOR_RUNTIME_API_METHODS`), served on V14 metadata:
 * typed SCALE values, no `Vec<u8>` wrapper, each trait at version 1 as the spec-224/233 runtime advertises it.
 */
export const subtensorRuntimeApis: RuntimeApiModule[] = [
  ownLayoutModule('NeuronInfoRuntimeApi'),
  ownLayoutModule('SubnetInfoRuntimeApi'),
  ownLayoutModule('SubnetRegistrationRuntimeApi'),
];
