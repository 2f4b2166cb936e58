import type { Command } from 'commander';
import { readSubnets, type SubnetSummary } from '@taonode/chain';
import { formatTao } from '../../cli/amount.util';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import type { CliDeps } from '../../cli/cli.deps';
import { addSubtensorOptions, type SubtensorFlags } from '../../cli/subtensor.options';
import { renderTable } from '../../cli/table.util';

interface ListFlags extends SubtensorFlags {
  json?: boolean;
}

function row(subnet: SubnetSummary): string[] {
  const symbol = subnet.symbol || 'α';
  return [
    String(subnet.netuid),
    subnet.name || '-',
    `${subnet.price.toFixed(4)} τ/${symbol}`,
    formatTao(subnet.taoInRao),
    formatTao(subnet.alphaInRao, symbol),
    formatTao(subnet.alphaOutRao, symbol),
    `${subnet.n}/${subnet.maxUids}`,
    String(subnet.tempo),
    formatTao(subnet.burnRao),
  ];
}

/** `taonode subnet list`: every subnet with its pool, size, tempo and registration cost (btcli `subnets list`). */
export function registerSubnetListCommand(subnet: Command, deps: CliDeps): void {
  const command = subnet.command('list').description('list the subnets of the network');
  addSubtensorOptions(command).option('--json', 'machine-readable output on stdout');
  command.action((flags: ListFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      await withChainSession(flags, deps, async (session) => {
        const subnets = await session.progress('Reading subnets', () => readSubnets(session.client));
        if (output.isJson) {
          output.json(jsonSafe({ network: session.network, subnets }));
          return;
        }
        output.line(`Subnets (network: ${session.network}, ${subnets.length} subnets)`);
        const headers = ['NETUID', 'NAME', 'PRICE', 'TAO_IN', 'ALPHA_IN', 'ALPHA_OUT', 'N', 'TEMPO', 'BURN'];
        const right = [true, false, true, true, true, true, true, true, true];
        for (const line of renderTable(headers, subnets.map(row), right)) {
          output.line(line);
        }
      });
    }),
  );
}
