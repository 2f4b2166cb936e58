import type { Command } from 'commander';
import { ChainMetagraphReader, readRegistrations, type Metagraph, type NeuronInfo } from '@taonode/chain';
import { listWallets } from '@taonode/wallet';
import { formatTao } from '../../cli/amount.util';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import type { CliDeps } from '../../cli/cli.deps';
import { axonCell, five, SCORE_HEADERS, SCORE_RIGHT, scoreCells } from '../../cli/neuron-columns';
import { readColdkeyHoldings } from '../../cli/stake-value';
import { renderTable } from '../../cli/table.util';
import { addWalletChainOptions, type WalletChainFlags } from '../../cli/wallet-chain.options';
import { walletFromFlags } from '../../cli/wallet-keys';

const HEADERS = ['COLDKEY', 'HOTKEY', 'UID', 'ACTIVE', 'STAKE(α)', ...SCORE_HEADERS, 'AXON', 'HOTKEY_SS58'];
const RIGHT = [false, false, true, true, true, ...SCORE_RIGHT, false, false];

function row(walletName: string, hotkeyName: string, neuron: NeuronInfo, block: number): string[] {
  return [
    walletName,
    hotkeyName,
    String(neuron.uid),
    neuron.active ? 'True' : 'False',
    five(neuron.stake),
    ...scoreCells(neuron, block),
    axonCell(neuron),
    neuron.hotkey,
  ];
}

/**
 * `taonode wallet overview`: the coldkey's balance, then, per subnet, every hotkey of the wallet registered
 * there with its metagraph row (btcli `wallet overview`). Reads public files only: no password.
 */
export function registerWalletOverviewCommand(walletCommand: Command, deps: CliDeps): void {
  const command = walletCommand
    .command('overview')
    .description("show the wallet's balance and its hotkeys' registrations and metagraph rows");
  addWalletChainOptions(command);
  command.action((flags: WalletChainFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      const wallet = walletFromFlags(flags, deps);
      const coldkey = (await wallet.getColdkeypub()).ss58Address;
      const listing = (await listWallets(wallet.path)).find((entry) => entry.name === wallet.name);
      const hotkeys = (listing?.hotkeys ?? []).flatMap((hotkey) =>
        hotkey.ss58Address === undefined ? [] : [{ name: hotkey.name, address: hotkey.ss58Address }],
      );
      await withChainSession(flags, deps, async (session) => {
        const { client } = session;
        const reader = new ChainMetagraphReader(client);
        const { balance, stakedRao, subnets } = await session.progress('Reading the wallet overview', async () => {
          const [holdings, registrations] = await Promise.all([
            readColdkeyHoldings(client, coldkey),
            readRegistrations(
              client,
              hotkeys.map((hotkey) => hotkey.address),
            ),
          ]);
          const netuids = [...new Set(registrations.map((registration) => registration.netuid))];
          const metagraphs: Metagraph[] = [];
          for (const netuid of netuids) {
            metagraphs.push(await reader.read(netuid));
          }
          return { balance: holdings.balance, stakedRao: holdings.stakedRao, subnets: metagraphs };
        });
        const nameOf = new Map(hotkeys.map((hotkey) => [hotkey.address, hotkey.name]));
        const mine = (metagraph: Metagraph): NeuronInfo[] =>
          metagraph.neurons.filter((neuron) => nameOf.has(neuron.hotkey));
        if (output.isJson) {
          output.json(
            jsonSafe({
              wallet: wallet.name,
              coldkey,
              network: session.network,
              free_rao: balance.freeRao,
              staked_value_rao: stakedRao,
              subnets: subnets.map((metagraph) => ({
                netuid: metagraph.netuid,
                block: metagraph.block,
                neurons: mine(metagraph).map((neuron) => ({ hotkey_name: nameOf.get(neuron.hotkey), ...neuron })),
              })),
            }),
          );
          return;
        }
        output.line(`Wallet - ${wallet.name}:${coldkey}`);
        output.line(
          `Balance: ${formatTao(balance.freeRao)}  Staked value: ${formatTao(stakedRao)}  Total: ${formatTao(balance.freeRao + stakedRao)}`,
        );
        if (subnets.length === 0) {
          output.line('No hotkey of this wallet is registered on any subnet.');
        }
        for (const metagraph of subnets) {
          output.line('');
          output.line(`Subnet: ${metagraph.netuid} (block ${metagraph.block})`);
          const rows = mine(metagraph).map((neuron) =>
            row(wallet.name, nameOf.get(neuron.hotkey) ?? '', neuron, metagraph.block),
          );
          for (const line of renderTable(HEADERS, rows, RIGHT)) {
            output.line(line);
          }
        }
      });
    }),
  );
}
