import { readFileSync } from 'node:fs';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { spec424MetadataFile } from '@taonode/testing';
import { metadataLayout, type RuntimeApiLayout } from './metadata-layout';
import { decodeNeuronsLite } from './runtime-api.decoder';
import { SUBTENSOR_RUNTIME_API_TYPES } from './subtensor-runtime-api.types';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

const neuron = {
  hotkey: ALICE,
  coldkey: BOB,
  uid: 3,
  netuid: 1,
  active: true,
  axonInfo: { block: 7, version: 1, ip: 3325256714n, port: 8091, ipType: 4, protocol: 4 },
  prometheusInfo: {},
  stake: [[BOB, 5_000_000_000n]],
  rank: 0,
  emission: 12n,
  incentive: 100,
  consensus: 200,
  trust: 0,
  validatorTrust: 300,
  dividends: 400,
  lastUpdate: 70_000n,
  validatorPermit: true,
  pruningScore: 65535,
};

describe('runtime API layouts read from the metadata', () => {
  it('reads a runtime that dropped rank, trust and pruning_score: those read 0, 0 and 65535, the rest as declared', () => {
    // A NeuronInfoLite without the three scores, as a later runtime could declare it.
    const {
      rank: _rank,
      trust: _trust,
      pruningScore: _pruning,
      ...rest
    } = SUBTENSOR_RUNTIME_API_TYPES.TaonodeNeuronInfoLite;
    const registry = new TypeRegistry();
    registry.register({ ...SUBTENSOR_RUNTIME_API_TYPES, Trimmed: rest });
    const bytes = registry.createType('Vec<Trimmed>', [neuron]).toU8a();
    const layout: RuntimeApiLayout = { type: 'Vec<Trimmed>', types: { ...SUBTENSOR_RUNTIME_API_TYPES, Trimmed: rest } };
    const [decoded] = decodeNeuronsLite(bytes, 'typed', 42, layout);
    expect(decoded).toMatchObject({ uid: 3, rank: 0, trust: 0, pruningScore: 65535, incentive: 100, dividends: 400 });
    expect(decoded?.axon.port).toBe(8091);
    expect(decoded?.stake).toEqual([[BOB, 5_000_000_000n]]);
  });

  const fixture = spec424MetadataFile();
  (fixture ? it : it.skip)(
    `follows spec 424's own NeuronInfoLite declaration${fixture ? '' : ' (skipped: ../shared/fixtures/subtensor-metadata-spec424.scale absent)'}`,
    () => {
      const registry = new TypeRegistry();
      const metadata = new Metadata(registry, readFileSync(fixture as string));
      registry.setMetadata(metadata);
      const method = metadata.asLatest.apis
        .find((api) => api.name.toString() === 'NeuronInfoRuntimeApi')
        ?.methods.find((candidate) => candidate.name.toString() === 'get_neurons_lite');
      const outputId = method?.output.toNumber() ?? -1;
      const layout = metadataLayout(registry, outputId);
      // Encoded with the metadata's own type, decoded through the layout derived from it.
      const bytes = registry.createTypeUnsafe(registry.createLookupType(outputId), [[neuron]]).toU8a();
      const [decoded] = decodeNeuronsLite(bytes, 'typed', 42, layout);
      expect(decoded).toMatchObject({
        hotkey: ALICE,
        coldkey: BOB,
        uid: 3,
        pruningScore: 65535,
        validatorTrust: 300,
        lastUpdate: 70_000n,
        validatorPermit: true,
      });
      expect(decoded?.axon).toMatchObject({ ip: 3325256714n, port: 8091, protocol: 4 });
    },
  );
});
