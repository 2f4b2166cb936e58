import { startWeightSetterStack, type WeightSetterStack } from './support/weight-setter-stack';

// The weight-setter as it runs in production: `bin/run-app.js weight-setter` beside a real chain-sync (also a
// process), a private redis-server and a devnet producing blocks on its own. The scorer's hash is filled by hand;
// the weights must appear on chain through WatchMetagraph → engine → chain.
jest.setTimeout(300_000);

describe('weight-setter process with chain-sync on a running devnet', () => {
  let stack: WeightSetterStack;

  beforeAll(async () => {
    stack = await startWeightSetterStack({ hyperparameters: { weightsSetRateLimit: 2 } });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it("puts the scorer's scores on chain, processed as the SDK does", async () => {
    const expected = await stack.scoreMiners();
    await stack.startServices();
    expect(await stack.weightsOnChain()).toEqual(expected);
    const landed = /taonode_weight_setter_submissions_total\{action="set",outcome="set"[^}]*\} [1-9]/;
    await expect(stack.setterMetricsMatching(landed)).resolves.toMatch(landed);
  });
});
