import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killStartedNodes } from './node-process.helper';
import { expectSummaryMatchesChain, runThreeRounds } from './rounds-run.helper';

/**
 * `npm start -- --rounds 3` end to end: the whole node starts, the validator completes three rounds, its weights
 * land on chain, and the summary it prints agrees with what a separate @polkadot/api client reads from the same
 * devnet while the node runs.
 */
describe('npm start -- --rounds 3', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'taonode-rounds-'));
  afterAll(async () => {
    await killStartedNodes();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('exits 0 after three rounds with weights on chain, and its summary matches the chain', async () => {
    const run = await runThreeRounds(dataDirectory);

    expectSummaryMatchesChain(run);
    expect(run.output).toMatch(/metrics\s+validator-scorer\s+http:\/\/127\.0\.0\.1:\d+\/metrics/);
  }, 600_000);
});
