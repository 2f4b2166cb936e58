import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Vec } from '@polkadot/types';
import type { ITuple } from '@polkadot/types/types';
import type { u16 } from '@polkadot/types-codec';
import { startNodeProcess } from './node-process.helper';

const NETUID = 1;
/** A three-round run compiles and starts every service on a shared 2-core box: its lines may come late. */
const RUN_LINE_TIMEOUT_MS = 600_000;

/** What an independent client saw of the validator's weights and the subnet's incentives, latest first. */
export interface ChainView {
  weights: [number, number][];
  incentive: number[];
}

/** A subscription a spec adds to the follower's; resolves with its unsubscribe. */
export type ChainSubscription = (api: ApiPromise) => Promise<() => void>;

export interface RoundsRun {
  readonly exitCode: number | null;
  /** Every stdout line, and stderr lines prefixed `stderr: `. */
  readonly output: string;
  /** The chain as the follower last saw it before the node exited. */
  readonly view: ChainView;
}

/** The end-of-run summary as printed: rounds done, the validator's weights and the subnet's incentives. */
export interface RoundsSummary {
  readonly rounds: number;
  readonly weights: number[][];
  readonly incentive: number[][];
}

/**
 * Runs `taonode start --rounds 3` (any private redis-server, free ports, `dataDirectory`, then `extraArgs`) until it
 * exits, while an independent @polkadot/api client follows the validator's weights and the subnet's incentives
 * (and `subscribe`'s extra subscription) on the devnet the node prints.
 */
export async function runThreeRounds(
  dataDirectory: string,
  options: { readonly extraArgs?: readonly string[]; readonly subscribe?: ChainSubscription } = {},
): Promise<RoundsRun> {
  const { REDIS_URL: _ignored, ...env } = process.env;
  const node = startNodeProcess(
    [
      'start',
      '--rounds',
      '3',
      '--devnet-port',
      '0',
      '--axon-port',
      '0',
      '--data-dir',
      dataDirectory,
      ...(options.extraArgs ?? []),
    ],
    env,
  );
  const view: ChainView = { weights: [], incentive: [] };
  const unsubscribes: (() => void)[] = [];
  let api: ApiPromise | undefined;
  const following = (async () => {
    const [, devnetUrl = ''] = await node.line(/^\s+devnet\s+(ws:\/\/\S+)/, RUN_LINE_TIMEOUT_MS);
    // No auto-reconnect: the devnet goes away with the node, and a retrying provider would outlive the test.
    const provider = new WsProvider(devnetUrl, false);
    await provider.connect();
    api = await ApiPromise.create({ provider, noInitWarn: true });
    const [, uid] = await node.line(/^\s+neuron\s+validator uid (\d+)/, RUN_LINE_TIMEOUT_MS);
    const query = api.query.subtensorModule;
    unsubscribes.push(
      (await query?.weights?.(NETUID, Number(uid), (row: Vec<ITuple<[u16, u16]>>) => {
        view.weights = row.map(([dest, weight]) => [dest.toNumber(), weight.toNumber()]);
      })) as unknown as () => void,
      (await query?.incentive?.(NETUID, (values: Vec<u16>) => {
        view.incentive = values.map((value) => value.toNumber() / 65535);
      })) as unknown as () => void,
    );
    if (options.subscribe !== undefined) {
      unsubscribes.push(await options.subscribe(api));
    }
  })();
  const exitCode = await node.exited;
  // A follower that never got going leaves the view empty, which the summary checks then report.
  await following.catch(() => undefined);
  unsubscribes.forEach((unsubscribe) => unsubscribe());
  await api?.disconnect();
  return { exitCode, output: node.lines.join('\n'), view };
}

/** Parses the summary `taonode start --rounds` prints when it is done. */
export function readRoundsSummary(output: string): RoundsSummary {
  const weightsLine = /weights of validator uid (\d+): (.*)$/m.exec(output);
  const incentiveLine = /^\s+incentive\s+(.*)$/m.exec(output);
  return {
    rounds: Number(/(\d+) validator rounds done/.exec(output)?.[1]),
    weights: [...(weightsLine?.[2] ?? '').matchAll(/uid (\d+) → (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]),
    incentive: [...(incentiveLine?.[1] ?? '').matchAll(/uid (\d+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]),
  };
}

/**
 * The checks every rounds run must pass: it exits 0 after at least three rounds with its summary printed, the chain
 * holds exactly the weights printed (the validator weighted the one miner fully), the printed incentives are the
 * chain's (to 5 decimals), and the miner earns after the epoch.
 */
export function expectSummaryMatchesChain({ exitCode, output, view }: RoundsRun): void {
  expect([exitCode, /\d+ validator rounds done/.test(output) ? 'summary printed' : output]).toEqual([
    0,
    'summary printed',
  ]);
  const summary = readRoundsSummary(output);
  expect(summary.rounds).toBeGreaterThanOrEqual(3);
  expect(summary.weights.length).toBeGreaterThan(0);
  expect(summary.weights).toEqual(view.weights);
  expect(summary.incentive.map(([uid]) => uid)).toEqual(view.incentive.map((_, uid) => uid));
  summary.incentive.forEach(([uid, value]) => expect(value).toBeCloseTo(view.incentive[uid ?? 0] ?? -1, 4));
  const minerUid = summary.weights[0]?.[0] ?? -1;
  expect(view.incentive[minerUid]).toBeGreaterThan(0);
}
