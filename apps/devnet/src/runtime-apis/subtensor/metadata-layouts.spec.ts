import { readFileSync } from 'node:fs';
import { spec424MetadataFile } from '@taonode/testing';
import { devGenesis, TAO } from '../../pallets/subtensor/testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../../pallets/subtensor/testing/subtensor-test-chain';
import { loadRuntimeMetadata, runtimeMetadataFromBytes } from '../../runtime/runtime-metadata';
import { conformToType } from './conform-to-type';
import { declaredRuntimeApis } from './metadata-runtime-apis';
import { MetagraphSelection } from './selective-metagraph';
import { SUBTENSOR_API_BUILDERS } from './subtensor-api-builders';
import { createSubtensorRuntimeApis, unsimulatedMethods } from './subtensor-runtime-apis';

describe('which layouts the subtensor runtime APIs follow', () => {
  it('serves our own layouts on V14 metadata, which types no runtime API', () => {
    const modules = createSubtensorRuntimeApis(loadRuntimeMetadata());
    expect(modules.map((module) => [module.trait, module.version])).toEqual([
      ['NeuronInfoRuntimeApi', 1],
      ['SubnetInfoRuntimeApi', 1],
      ['SubnetRegistrationRuntimeApi', 1],
    ]);
  });

  const fixture = spec424MetadataFile();
  (fixture ? it : it.skip)(
    `on spec 424 serves every method the metadata lists; these fields and methods answer zero/empty${fixture ? '' : ' (skipped: ../shared/fixtures/subtensor-metadata-spec424.scale absent)'}`,
    async () => {
      const runtime = runtimeMetadataFromBytes(readFileSync(fixture as string));
      const accounts = new DevAccounts();
      const chain = await SubtensorTestChain.create(
        devGenesis(accounts, {}, { ownerStake: (50n * TAO).toString() }),
        {},
        runtime,
      );
      // The devnet writes no `Delegates`; make the owner hotkey one so DelegateInfo is built and checked.
      const owner = accounts.address('alice/owner');
      chain.storage.set('subtensorModule', 'delegates', [owner], 11_796);
      const delegates = SUBTENSOR_API_BUILDERS.DelegateInfoRuntimeApi?.get_delegates?.(chain.storage, []) as {
        delegateSs58: string;
        take: number;
        ownerSs58: string;
        registrations: number[];
        nominators: [string, [number, bigint][]][];
      }[];
      expect(delegates).toMatchObject([
        { delegateSs58: owner, take: 11_796, ownerSs58: accounts.address('alice'), registrations: [1] },
      ]);
      expect(delegates[0]?.nominators).toEqual([[accounts.address('alice'), [[1, expect.any(BigInt) as bigint]]]]);
      const declared = declaredRuntimeApis(runtime);
      const missing = new Set<string>();
      const sample: Record<string, unknown> = {
        netuid: 1,
        uid: 0,
        mecid: 0,
        subid: 0,
        metagraph_indexes: [],
        coldkey: accounts.address('alice'),
        coldkey_account: accounts.address('alice'),
        coldkey_accounts: [accounts.address('alice')],
        hotkey_account: accounts.address('alice/owner'),
        delegate_account: accounts.address('alice/owner'),
        delegatee_account: accounts.address('alice'),
        tao: 1_000_000_000,
        alpha: 1_000_000_000,
        netuids: null,
      };
      for (const [trait, builders] of Object.entries(SUBTENSOR_API_BUILDERS)) {
        for (const [name, build] of Object.entries(builders)) {
          const types = declared?.get(trait)?.get(name);
          if (types === undefined) {
            continue;
          }
          const names =
            (
              runtime.metadata.asLatest as unknown as {
                apis: {
                  name: { toString(): string };
                  methods: { name: { toString(): string }; inputs: { name: { toString(): string } }[] }[];
                }[];
              }
            ).apis
              .find((api) => api.name.toString() === trait)
              ?.methods.find((method) => method.name.toString() === name)
              ?.inputs.map((input) => input.name.toString()) ?? [];
          const value = build(
            chain.storage,
            names.map((input) => sample[input]),
          );
          if (value instanceof MetagraphSelection) {
            // Encoded field by field from the metagraph's values (checked through get_metagraph).
            continue;
          }
          for (const field of conformToType(runtime.registry, types.output, value).missing) {
            missing.add(`${trait}_${name}: ${field}`);
          }
        }
      }
      // Not computed by the devnet (README "Runtime APIs"): they answer their type's empty value.
      expect(unsimulatedMethods(runtime)).toEqual([
        'SubnetInfoRuntimeApi_get_subnet_to_prune',
        'SubnetInfoRuntimeApi_get_subnet_account_id',
        'StakeInfoRuntimeApi_get_stake_fee',
        'StakeInfoRuntimeApi_get_coldkey_lock',
        'StakeInfoRuntimeApi_get_hotkey_conviction',
        'StakeInfoRuntimeApi_get_most_convicted_hotkey_on_subnet',
      ]);
      // Every field of every layout the builders fill is supplied: none falls back to a zero value.
      expect([...missing].sort()).toEqual([]);
    },
  );
});
