import type { NeuronInfo } from '@taonode/chain';

/** btcli's number format in metagraph tables: five decimals. */
export const five = (value: number): string => value.toFixed(5);

/**
 * The score columns `subnet metagraph` and `wallet overview` share, in btcli's order: 5-decimal floats, emission
 * in rao (ρ), the validator permit as `*`, blocks since the neuron's last update.
 */
export const SCORE_HEADERS = [
  'RANK',
  'TRUST',
  'CONSENSUS',
  'INCENTIVE',
  'DIVIDENDS',
  'EMISSION(ρ)',
  'VTRUST',
  'VPERMIT',
  'UPDATED',
] as const;

/** Right alignment of {@link SCORE_HEADERS}: numbers right, the permit mark left. */
export const SCORE_RIGHT = [true, true, true, true, true, true, true, false, true] as const;

/** The cells under {@link SCORE_HEADERS} for `neuron` in a metagraph read at `block`. */
export function scoreCells(neuron: NeuronInfo, block: number): string[] {
  return [
    five(neuron.rank),
    five(neuron.trust),
    five(neuron.consensus),
    five(neuron.incentive),
    five(neuron.dividends),
    neuron.emissionRao.toString(),
    five(neuron.validatorTrust),
    neuron.validatorPermit ? '*' : '',
    String(block - neuron.lastUpdate),
  ];
}

/** `ip:port` of a serving axon, `none` otherwise. */
export function axonCell(neuron: NeuronInfo): string {
  return neuron.axon.isServing ? `${neuron.axon.ip}:${neuron.axon.port}` : 'none';
}
