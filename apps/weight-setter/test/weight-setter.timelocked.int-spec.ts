import { spec424MetadataFile } from '@taonode/testing';
import { startWeightSetterStack, type WeightSetterStack } from './support/weight-setter-stack';

// The weight-setter on today's chain: the devnet serving the real spec-424 metadata with commit-reveal on
// (CommitRevealWeightsVersion 4), so the only way in is a drand-timelocked commit. The process commits, the
// devnet's test beacon publishes the round, the devnet decrypts and applies the weights at the reveal epoch.
jest.setTimeout(300_000);

const METADATA_424 = spec424MetadataFile();
const REVEALED = /action="reveal",outcome="revealed"[^}]*\} [1-9]/;

const describeOn424 = METADATA_424 ? describe : describe.skip;

describeOn424(
  `weight-setter process on spec 424 with commit-reveal on${METADATA_424 ? '' : ' (skipped: ../shared/fixtures/subtensor-metadata-spec424.scale absent)'}`,
  () => {
    let stack: WeightSetterStack;

    beforeAll(async () => {
      stack = await startWeightSetterStack({
        hyperparameters: { weightsSetRateLimit: 2, commitRevealWeightsEnabled: true },
        metadata: METADATA_424,
      });
    }, 120_000);

    afterAll(async () => {
      await stack?.stop();
    });

    it("commits the scorer's scores timelocked, and the chain reveals them at the reveal epoch", async () => {
      const expected = await stack.scoreMiners();
      await stack.startServices();
      expect(await stack.weightsOnChain()).toEqual(expected);
      const committed =
        /taonode_weight_setter_submissions_total\{action="commit",outcome="timelocked-committed"[^}]*\} [1-9]/;
      await expect(stack.setterMetricsMatching(committed)).resolves.toMatch(committed);
      // After the reveal epoch the weight-setter itself confirms that the chain revealed its commit.
      const confirmed = await stack.setterMetricsMatching(REVEALED, 60_000);
      expect(confirmed).toMatch(REVEALED);
      expect(confirmed).not.toMatch(/action="reveal",outcome="rejected"[^}]*\} [1-9]/);
    });
  },
);
