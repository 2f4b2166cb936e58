import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Vec } from '@polkadot/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import type { ITuple } from '@polkadot/types/types';
import type { u16 } from '@polkadot/types-codec';
import { spec424MetadataFile } from '@taonode/testing';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const METADATA_424 = spec424MetadataFile();
const NETUID = 1;

/** What an independent client saw of the validator's weights and the subnet's incentives, latest first. */
interface ChainView {
  weights: [number, number][];
  incentive: number[];
}

/**
 * `taonode start --metadata <spec 424> --rounds 3`: the local node on today's runtime, where commit-reveal is on
 * and weights go in only as drand-timelocked commits. Without help, the validator's weight-setter commits
 * timelocked, the devnet's test beacon publishes the round, the devnet reveals the weights at the reveal epoch,
 * and the summary shows them as an independent @polkadot/api client reads them (skipped without the fixture).
 */
const describeOn424 = METADATA_424 ? describe : describe.skip;

describeOn424(
  `taonode start --metadata <spec 424> --rounds 3${METADATA_424 ? '' : ' (skipped: spec-424 fixture absent)'}`,
  () => {
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
          '--metadata',
          METADATA_424 ?? '',
        ],
        { cwd: REPO_ROOT, env },
      );
      const lines: string[] = [];
      const view: ChainView = { weights: [], incentive: [] };
      const timelocked = { committed: 0, revealed: 0 };
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
                (await api.query.system?.events?.((records: Vec<EventRecord>) => {
                  for (const { event } of records) {
                    if (event.section === 'subtensorModule' && event.method === 'TimelockedWeightsCommitted') {
                      timelocked.committed += 1;
                    }
                    if (event.section === 'subtensorModule' && event.method === 'TimelockedWeightsRevealed') {
                      timelocked.revealed += 1;
                    }
                  }
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
      // Incentives as the chain holds them (printed to 5 decimals), and the miner earns after the epoch (the
      // genesis subnet is started, so the 424 scheduler's epochs pay it).
      expect(printedIncentive.map(([uid]) => uid)).toEqual(view.incentive.map((_, uid) => uid));
      printedIncentive.forEach(([uid, value]) => expect(value).toBeCloseTo(view.incentive[uid ?? 0] ?? -1, 4));
      const minerUid = printedWeights[0]?.[0] ?? -1;
      expect(view.incentive[minerUid]).toBeGreaterThan(0);
      // The weights got there the only way this runtime allows: timelocked commits, revealed by the chain.
      expect(timelocked.committed).toBeGreaterThan(0);
      expect(timelocked.revealed).toBeGreaterThan(0);
    }, 600_000);
  },
);
