import type { Command } from 'commander';
import { blockByNumber, ChainMetagraphReader, type Metagraph, type NeuronInfo } from '@taonode/chain';
import { formatTao } from '../../cli/amount.util';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import type { CliDeps } from '../../cli/cli.deps';
import { axonCell, five, SCORE_HEADERS, SCORE_RIGHT, scoreCells } from '../../cli/neuron-columns';
import { addSubtensorOptions, type SubtensorFlags } from '../../cli/subtensor.options';
import { renderTable } from '../../cli/table.util';
import { addNetuidOption, parseIndex } from './netuid.option';

interface MetagraphFlags extends SubtensorFlags {
  netuid: number;
  block?: number;
  json?: boolean;
}

const HEADERS = ['UID', 'STAKE', ...SCORE_HEADERS, 'ACTIVE', 'AXON', 'HOTKEY', 'COLDKEY'];
const RIGHT = [true, true, ...SCORE_RIGHT, true, false, false, false];

/** One btcli metagraph row: the score columns between the stake and the activity, 10-char keys. */
function neuronRow(neuron: NeuronInfo, block: number): string[] {
  return [
    String(neuron.uid),
    five(neuron.totalStake),
    ...scoreCells(neuron, block),
    neuron.active ? '1' : '0',
    axonCell(neuron),
    neuron.hotkey.slice(0, 10),
    neuron.coldkey.slice(0, 10),
  ];
}

function totalsRow(metagraph: Metagraph): string[] {
  const sum = (pick: (neuron: NeuronInfo) => number): string =>
    five(metagraph.neurons.reduce((total, neuron) => total + pick(neuron), 0));
  const emission = metagraph.neurons.reduce((total, neuron) => total + neuron.emissionRao, 0n);
  return [
    '',
    sum((n) => n.totalStake),
    sum((n) => n.rank),
    sum((n) => n.trust),
    sum((n) => n.consensus),
    sum((n) => n.incentive),
    sum((n) => n.dividends),
    emission.toString(),
    sum((n) => n.validatorTrust),
    '',
    '',
    '',
    '',
    '',
    '',
  ];
}

/** `taonode subnet metagraph --netuid N`: btcli's metagraph table for one subnet, at the finalized head or `--block`. */
export function registerSubnetMetagraphCommand(subnet: Command, deps: CliDeps): void {
  const command = subnet.command('metagraph').description("show a subnet's metagraph (btcli columns)");
  addNetuidOption(command);
  addSubtensorOptions(command)
    .option('--block <number>', 'read at this block instead of the finalized head', parseIndex)
    .option('--json', 'machine-readable output on stdout (the full metagraph)');
  command.action((flags: MetagraphFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      await withChainSession(flags, deps, async (session) => {
        const metagraph = await session.progress(`Reading the metagraph of subnet ${flags.netuid}`, async () => {
          const hash =
            flags.block === undefined
              ? undefined
              : (await session.client.call('block hash', (api) => blockByNumber(api, flags.block ?? 0))).hash;
          return new ChainMetagraphReader(session.client).read(flags.netuid, hash);
        });
        if (output.isJson) {
          output.json(jsonSafe(metagraph));
          return;
        }
        const active = metagraph.neurons.filter((neuron) => neuron.active).length;
        const stakeRao = metagraph.neurons.reduce((total, neuron) => total + neuron.stakeRao, 0n);
        output.line(
          `Metagraph: net: ${session.network}:${metagraph.netuid}, block: ${metagraph.block}, N: ${active}/${metagraph.n}, ` +
            `stake: ${formatTao(stakeRao)}, difficulty: ${metagraph.hyperparameters.difficulty}, burn: ${formatTao(metagraph.hyperparameters.burnRao)}`,
        );
        const rows = metagraph.neurons.map((neuron) => neuronRow(neuron, metagraph.block));
        for (const line of renderTable(HEADERS, [...rows, totalsRow(metagraph)], RIGHT)) {
          output.line(line);
        }
      });
    }),
  );
}
