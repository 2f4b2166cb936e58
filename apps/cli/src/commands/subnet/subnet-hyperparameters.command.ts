import type { Command } from 'commander';
import { ChainMetagraphReader, type SubnetHyperparameters } from '@taonode/chain';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import type { CliDeps } from '../../cli/cli.deps';
import { addSubtensorOptions, type SubtensorFlags } from '../../cli/subtensor.options';
import { renderTable } from '../../cli/table.util';
import { addNetuidOption } from './netuid.option';

interface HyperparametersFlags extends SubtensorFlags {
  netuid: number;
  json?: boolean;
}

// u64::MAX as a double (the SDK divides by this float too).
const U64_MAX = 2 ** 64 - 1;

/** btcli's hyperparameter names (SDK `SubnetHyperparameters`), in btcli's order, with their values. */
export function btcliHyperparameters(h: SubnetHyperparameters): [string, string | number | boolean][] {
  const rows: [string, string | number | boolean][] = [
    ['rho', h.rho],
    ['kappa', h.kappa],
    ['immunity_period', h.immunityPeriod],
    ['min_allowed_weights', h.minAllowedWeights],
    ['max_weights_limit', h.maxWeightsLimit],
    ['tempo', h.tempo],
    ['min_difficulty', h.minDifficulty.toString()],
    ['max_difficulty', h.maxDifficulty.toString()],
    ['weights_version', h.weightsVersionKey.toString()],
    ['weights_rate_limit', h.weightsRateLimit],
    ['adjustment_interval', h.adjustmentInterval],
    ['activity_cutoff', h.activityCutoff],
    ['registration_allowed', h.registrationAllowed],
    ['target_regs_per_interval', h.targetRegistrationsPerInterval],
    ['min_burn', h.minBurnRao.toString()],
    ['max_burn', h.maxBurnRao.toString()],
    ['bonds_moving_avg', h.bondsMovingAverage.toString()],
    ['max_regs_per_block', h.maxRegistrationsPerBlock],
    ['serving_rate_limit', h.servingRateLimit],
    ['max_validators', h.maxAllowedValidators],
    ['adjustment_alpha', h.adjustmentAlpha.toString()],
    ['difficulty', h.difficulty.toString()],
    ['commit_reveal_period', h.revealPeriodEpochs],
    ['commit_reveal_weights_enabled', h.commitRevealWeightsEnabled],
  ];
  if (h.alphaHigh !== undefined && h.alphaLow !== undefined) {
    rows.push(['alpha_high', h.alphaHigh], ['alpha_low', h.alphaLow]);
  }
  if (h.liquidAlphaEnabled !== undefined) {
    rows.push(['liquid_alpha_enabled', h.liquidAlphaEnabled]);
  }
  return rows;
}

/** btcli's normalised rendering of a few raw values (u64-normalised, rao → τ). */
function normalised(name: string, value: string | number | boolean): string {
  switch (name) {
    case 'adjustment_alpha':
    case 'bonds_moving_avg':
      return (Number(value) / U64_MAX).toPrecision(6);
    case 'min_burn':
    case 'max_burn':
      return `τ${(Number(value) / 1e9).toFixed(9)}`;
    default:
      return String(value);
  }
}

/** `taonode subnet hyperparameters --netuid N`: btcli's hyperparameter table. */
export function registerSubnetHyperparametersCommand(subnet: Command, deps: CliDeps): void {
  const command = subnet.command('hyperparameters').description("show a subnet's hyperparameters");
  addNetuidOption(command);
  addSubtensorOptions(command).option('--json', 'machine-readable output on stdout');
  command.action((flags: HyperparametersFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      await withChainSession(flags, deps, async (session) => {
        const hyperparameters = await session.progress(`Reading the hyperparameters of subnet ${flags.netuid}`, () =>
          new ChainMetagraphReader(session.client).readHyperparameters(flags.netuid),
        );
        const rows = btcliHyperparameters(hyperparameters);
        if (output.isJson) {
          output.json(jsonSafe({ netuid: flags.netuid, hyperparameters: Object.fromEntries(rows) }));
          return;
        }
        output.line(`Subnet Hyperparameters - NETUID: ${flags.netuid} - Network: ${session.network}`);
        const table = rows.map(([name, value]) => [name, String(value), normalised(name, value)]);
        for (const line of renderTable(['HYPERPARAMETER', 'VALUE', 'NORMALIZED'], table, [false, true, true])) {
          output.line(line);
        }
      });
    }),
  );
}
