import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Vec } from '@polkadot/types';
import type { ITuple } from '@polkadot/types/types';
import type { u16 } from '@polkadot/types-codec';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const NETUID = 1;

/** What an independent client saw of the validator's weights and the subnet's incentives, latest first. */
interface ChainView {
  weights: [number, number][];
  incentive: number[];
}

/**
 * `npm start -- --rounds 3` end to end: the whole node starts, the validator completes three rounds, its weights
 * land on chain, and the summary it prints agrees with what a separate @polkadot/api client reads from the same
 * devnet while the node runs.
 */
describe('npm start -- --rounds 3', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'taonode-rounds-'));
  afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('exits 0 after three rounds with weights on chain, and its summary matches the chain', async () => {
    const { REDIS_URL: _ignored, ...env } = process.env;
    const child = spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'bin', 'taonode.js'),
        'start',
        '--rounds',
        '3',
        '--devnet-port',
        '0',
        '--axon-port',
        '0',
        '--data-dir',
        dataDirectory,
      ],
      { cwd: REPO_ROOT, env },
    );
    const lines: string[] = [];
    const view: ChainView = { weights: [], incentive: [] };
    let api: ApiPromise | undefined;
    const unsubscribes: (() => void)[] = [];
    const following = new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        const devnet = /^\s+devnet\s+(ws:\/\/\S+)/.exec(line);
        const validator = /^\s+neuron\s+validator uid (\d+)/.exec(line);
        if (devnet?.[1] !== undefined) {
          // No auto-reconnect: the devnet goes away with the node, and a retrying provider would outlive the test.
          const provider = new WsProvider(devnet[1], false);
          void provider
            .connect()
            .then(() => ApiPromise.create({ provider, noInitWarn: true }))
            .then((connected) => {
              api = connected;
            })
            .catch(reject);
        }
        if (validator?.[1] !== undefined) {
          const uid = Number(validator[1]);
          void (async () => {
            while (api === undefined) {
              await new Promise((wait) => setTimeout(wait, 50));
            }
            const query = api.query.subtensorModule;
            unsubscribes.push(
              (await query?.weights?.(NETUID, uid, (row: Vec<ITuple<[u16, u16]>>) => {
                view.weights = row.map(([dest, weight]) => [dest.toNumber(), weight.toNumber()]);
              })) as unknown as () => void,
              (await query?.incentive?.(NETUID, (values: Vec<u16>) => {
                view.incentive = values.map((value) => value.toNumber() / 65535);
              })) as unknown as () => void,
            );
            resolve();
          })().catch(reject);
        }
      });
    });
    createInterface({ input: child.stderr }).on('line', (line) => lines.push(`stderr: ${line}`));
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    await following.catch(() => undefined);
    unsubscribes.forEach((unsubscribe) => unsubscribe());
    await api?.disconnect();

    const output = lines.join('\n');
    expect([exitCode, /\d+ validator rounds done/.test(output) ? 'summary printed' : output]).toEqual([
      0,
      'summary printed',
    ]);
    expect(Number(/(\d+) validator rounds done/.exec(output)?.[1])).toBeGreaterThanOrEqual(3);
    const weightsLine = /weights of validator uid (\d+): (.*)$/m.exec(output);
    const incentiveLine = /^\s+incentive\s+(.*)$/m.exec(output);
    const printedWeights = [...(weightsLine?.[2] ?? '').matchAll(/uid (\d+) → (\d+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const printedIncentive = [...(incentiveLine?.[1] ?? '').matchAll(/uid (\d+) ([\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // The validator weighted the one miner fully, and the chain holds exactly what was printed.
    expect(printedWeights.length).toBeGreaterThan(0);
    expect(printedWeights).toEqual(view.weights);
    // Incentives as the chain holds them (printed to 5 decimals), and the miner earns after the epoch.
    expect(printedIncentive.map(([uid]) => uid)).toEqual(view.incentive.map((_, uid) => uid));
    printedIncentive.forEach(([uid, value]) => expect(value).toBeCloseTo(view.incentive[uid ?? 0] ?? -1, 4));
    const minerUid = printedWeights[0]?.[0] ?? -1;
    expect(view.incentive[minerUid]).toBeGreaterThan(0);
    expect(output).toMatch(/metrics\s+validator-scorer\s+http:\/\/127\.0\.0\.1:\d+\/metrics/);
  }, 600_000);
});
