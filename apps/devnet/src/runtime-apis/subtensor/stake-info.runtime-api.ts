import { AlphaSharePool } from '../../pallets/subtensor/state/alpha-share-pool';
import { has, readVec } from '../../pallets/subtensor/state/subtensor-storage';
import type { RuntimeApiModule } from '../../runtime/dispatch-context';
import type { RuntimeMetadata } from '../../runtime/runtime-metadata';
import type { Storage } from '../../state/storage';
import { decodeArgs } from '../runtime-api-args';
import { subnetNetuids } from './chain-reads';

interface MetadataApiMethod {
  readonly name: { toString(): string };
  readonly output: Parameters<RuntimeMetadata['registry']['createLookupType']>[0];
}
interface MetadataApi {
  readonly name: { toString(): string };
  readonly methods: readonly MetadataApiMethod[];
}

/**
 * The lookup type name of a runtime API method's output as the served metadata declares it (V15/V16 carry an
 * `apis` section; V14 does not, so `undefined`). Encoding a result with it uses the metadata's own type id.
 */
export function metadataApiOutput(runtime: RuntimeMetadata, trait: string, method: string): string | undefined {
  if (runtime.metadata.version < 15) {
    return undefined;
  }
  const apis = (runtime.metadata.asLatest as unknown as { apis?: readonly MetadataApi[] }).apis ?? [];
  const declared = apis
    .find((api) => api.name.toString() === trait)
    ?.methods.find((candidate) => candidate.name.toString() === method);
  return declared ? runtime.registry.createLookupType(declared.output) : undefined;
}

/**
 * `StakeInfoRuntimeApi::get_stake_info_for_coldkey`, served where the metadata types it (spec 424, whose
 * `StakeInfo` has `tao_emission`): one entry per (hotkey the coldkey stakes through, subnet) with alpha, as
 * the runtime lists them. `locked`, `emission`, `tao_emission` and `drain` are 0 (not simulated).
 */
export function createStakeInfoApi(runtime: RuntimeMetadata): RuntimeApiModule | undefined {
  const output = metadataApiOutput(runtime, 'StakeInfoRuntimeApi', 'get_stake_info_for_coldkey');
  if (output === undefined) {
    return undefined;
  }
  const { registry } = runtime;
  return {
    trait: 'StakeInfoRuntimeApi',
    version: 1,
    methods: {
      get_stake_info_for_coldkey: (storage, input) => {
        const [coldkey] = decodeArgs(registry, 'get_stake_info_for_coldkey', ['AccountId32'], input);
        return registry.createTypeUnsafe(output, [stakeInfos(storage, String(coldkey))]).toU8a();
      },
    },
  };
}

function stakeInfos(storage: Storage, coldkey: string): object[] {
  const hotkeys = readVec(storage, 'stakingHotkeys', coldkey).map(String);
  return hotkeys.flatMap((hotkey) =>
    subnetNetuids(storage).flatMap((netuid) => {
      const stake = new AlphaSharePool(storage, hotkey, netuid).stakeOf(coldkey);
      if (stake === 0n) {
        return [];
      }
      return [
        {
          hotkey,
          coldkey,
          netuid,
          stake,
          locked: 0,
          emission: 0,
          taoEmission: 0,
          drain: 0,
          isRegistered: has(storage, 'uids', netuid, hotkey),
        },
      ];
    }),
  );
}
