import { metagraphV1 } from '@taonode/proto';

const RAO_PER_TAO = 1e9;

/** One line for logs and non-terminal output: what changed at a glance. */
export function summaryLine(update: metagraphV1.WatchMetagraphResponse): string {
  const metagraph = update.metagraph;
  if (!metagraph) {
    return 'metagraph: (empty update)';
  }
  const neurons = metagraph.neurons;
  const stake = neurons.reduce((sum, neuron) => sum + neuron.stake, 0);
  const serving = neurons.filter((neuron) => neuron.axon?.isServing).length;
  const stale = update.freshness?.stale ? ' (stale: chain unreachable)' : '';
  return `metagraph: subnet ${metagraph.netuid} block ${metagraph.block} neurons ${metagraph.n} stake ${stake.toFixed(4)} axons ${serving}${stale}`;
}

/** The full table for a terminal, in the spirit of `btcli subnet metagraph`. */
export function metagraphTable(update: metagraphV1.WatchMetagraphResponse): string {
  const metagraph = update.metagraph;
  if (!metagraph) {
    return summaryLine(update);
  }
  const header = ['UID', 'STAKE(τ)', 'INCENTIVE', 'DIVIDENDS', 'EMISSION(ρ)', 'VPERMIT', 'UPDATED', 'AXON', 'HOTKEY'];
  const rows = metagraph.neurons.map((neuron) => [
    String(neuron.uid),
    neuron.stake.toFixed(4),
    neuron.incentive.toFixed(5),
    neuron.dividends.toFixed(5),
    neuron.emissionRao,
    neuron.validatorPermit ? '*' : '',
    String(Number(metagraph.block) - Number(neuron.lastUpdate)),
    neuron.axon?.isServing ? `${neuron.axon.ip}:${neuron.axon.port}` : 'none',
    `${neuron.hotkey.slice(0, 10)}…`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  const burn = Number(metagraph.hyperparameters?.burnRao ?? 0) / RAO_PER_TAO;
  return [
    summaryLine(update),
    `tempo ${metagraph.hyperparameters?.tempo ?? '?'}  burn ${burn} τ  read through ${sourceName(metagraph.source)}`,
    '',
    format(header),
    ...rows.map(format),
  ].join('\n');
}

function sourceName(source: metagraphV1.MetagraphSource): string {
  switch (source) {
    case metagraphV1.MetagraphSource.METAGRAPH_SOURCE_RUNTIME_API:
      return 'the runtime API';
    case metagraphV1.MetagraphSource.METAGRAPH_SOURCE_STORAGE:
      return 'storage';
    case metagraphV1.MetagraphSource.METAGRAPH_SOURCE_UNSPECIFIED:
    case metagraphV1.MetagraphSource.UNRECOGNIZED:
      return 'an unknown source';
  }
}
