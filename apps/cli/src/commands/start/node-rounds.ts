import { ChainClient, readWeights, type WeightRow } from '@taonode/chain';
import type { metagraphV1 } from '@taonode/proto';
import type { RunningLocalNode } from './local-node';
import { sampleValue } from './node-status';

const POLL_MS = 500;

async function completedRounds(node: RunningLocalNode): Promise<number> {
  const url = node.opsUrls['validator-scorer'];
  if (url === undefined) {
    return 0;
  }
  const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
  return sampleValue(await response.text(), 'taonode_scorer_rounds_total', { outcome: 'completed' });
}

/** What `npm start -- --rounds N` reports when it is done. */
export interface RoundsSummary {
  readonly rounds: number;
  readonly validatorUid: number;
  /** The validator's weights row as the chain holds it. */
  readonly weights: readonly (readonly [number, number])[];
  /** Incentive per uid from the latest metagraph. */
  readonly incentives: ReadonlyMap<number, number>;
  readonly block: number;
}

/**
 * Waits until the validator has completed `rounds` rounds and its weights are on chain, then reads them back from
 * the chain (not from our own services) for the summary. Rejects when `deadlineMs` passes first.
 */
export async function waitForRounds(
  node: RunningLocalNode,
  rounds: number,
  latestMetagraph: () => metagraphV1.Metagraph | undefined,
  deadlineMs: number,
): Promise<RoundsSummary> {
  const validator = node.neurons.find((neuron) => neuron.walletName === 'validator');
  if (validator === undefined) {
    throw new Error('the local node has no validator neuron');
  }
  const client = await ChainClient.connect({ chainEndpoint: node.chainEndpoint });
  try {
    let done = 0;
    let row: WeightRow | undefined;
    // Incentives follow weights at the next epoch: wait one tempo past the block the weights were first seen at.
    let incentivesDueAt: number | undefined;
    for (;;) {
      done = await completedRounds(node).catch(() => done);
      const metagraph = latestMetagraph();
      if (done >= rounds && row === undefined) {
        const rows = await readWeights(client, node.netuid, { uids: [validator.uid] });
        row = rows.find((candidate) => candidate.uid === validator.uid && candidate.weights.length > 0);
        if (row !== undefined && metagraph !== undefined) {
          incentivesDueAt = Number(metagraph.block) + (metagraph.hyperparameters?.tempo ?? 0) + 2;
        }
      }
      if (row !== undefined && metagraph !== undefined && Number(metagraph.block) >= (incentivesDueAt ?? 0)) {
        // Read back once more at the summary's block, so weights and incentives describe the same chain state.
        const final = await readWeights(client, node.netuid, {
          uids: [validator.uid],
          blockHash: metagraph.blockHash as `0x${string}`,
        });
        return {
          rounds: done,
          validatorUid: validator.uid,
          weights: final.find((candidate) => candidate.uid === validator.uid)?.weights ?? row.weights,
          incentives: new Map(metagraph.neurons.map((neuron) => [neuron.uid, neuron.incentive])),
          block: Number(metagraph.block),
        };
      }
      if (Date.now() > deadlineMs) {
        throw new Error(
          `after ${done} of ${rounds} validator rounds, ${row === undefined ? 'no weights from the validator are on chain yet' : 'no metagraph yet'}; see the logs in ${node.logDirectory}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await client.disconnect();
  }
}

/** The summary printed at the end of a `--rounds` run. */
export function roundsSummaryText(node: RunningLocalNode, summary: RoundsSummary): string {
  const lines = [
    `taonode: ${summary.rounds} validator rounds done; weights on chain (read back at block ${summary.block}):`,
    `  chain        ${node.chainEndpoint}`,
    `  axon         ${node.axonUrl}`,
    `  metagraph    grpc ${node.metagraphGrpcAddress}`,
    ...Object.entries(node.opsUrls).map(([name, url]) => `  metrics      ${name.padEnd(20)} ${url}/metrics`),
    `  weights of validator uid ${summary.validatorUid}: ${summary.weights.map(([uid, weight]) => `uid ${uid} → ${weight}`).join(', ')}`,
    `  incentive    ${[...summary.incentives].map(([uid, incentive]) => `uid ${uid} ${incentive.toFixed(5)}`).join(', ')}`,
  ];
  return lines.join('\n');
}
