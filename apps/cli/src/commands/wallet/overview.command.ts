import type { Command } from 'commander';
import {
  ChainMetagraphReader,
  readBalance,
  readColdkeyStakes,
  readRegistrations,
  readSubnets,
  type Metagraph,
  type NeuronInfo,
} from '@taonode/chain';
import { listWallets } from '@taonode/wallet';
import { formatTao } from '../chain/amount.util';
import { jsonSafe, runChainAction } from '../chain/chain-action';
import { withChainSession } from '../chain/chain-session';
import { stakeValueRao } from '../chain/stake-value';
import { addSubtensorOptions, type SubtensorFlags } from '../chain/subtensor.options';
import { renderTable } from '../chain/table.util';
import { walletFromFlags } from '../chain/wallet-keys';
import type { WalletCliDeps } from './wallet-cli.deps';
import { addWalletLocationOptions, type WalletLocationFlags } from './wallet-location.options';

interface OverviewFlags extends SubtensorFlags, WalletLocationFlags {
  json?: boolean;
}

const HEADERS = [
  'COLDKEY',
  'HOTKEY',
  'UID',
  'ACTIVE',
  'STAKE(α)',
  'RANK',
  'TRUST',
  'CONSENSUS',
  'INCENTIVE',
  'DIVIDENDS',
  'EMISSION(ρ)',
  'VTRUST',
  'VPERMIT',
  'UPDATED',
  'AXON',
  'HOTKEY_SS58',
];
const RIGHT = [false, false, true, true, true, true, true, true, true, true, true, true, false, true, false, false];
const five = (value: number): string => value.toFixed(5);

function row(walletName: string, hotkeyName: string, neuron: NeuronInfo, block: number): string[] {
  return [
    walletName,
    hotkeyName,
    String(neuron.uid),
    neuron.active ? 'True' : 'False',
    five(neuron.stake),
    five(neuron.rank),
    five(neuron.trust),
    five(neuron.consensus),
    five(neuron.incentive),
    five(neuron.dividends),
    neuron.emissionRao.toString(),
    five(neuron.validatorTrust),
    neuron.validatorPermit ? '*' : '',
    String(block - neuron.lastUpdate),
    neuron.axon.isServing ? `${neuron.axon.ip}:${neuron.axon.port}` : 'none',
    neuron.hotkey,
  ];
}

/**
 * `taonode wallet overview`: the coldkey's balance, then, per subnet, every hotkey of the wallet registered
 * there with its metagraph row (btcli `wallet overview`). Reads public files only: no password.
 */
export function registerWalletOverviewCommand(walletCommand: Command, deps: WalletCliDeps): void {
  const command = walletCommand
    .command('overview')
    .description("show the wallet's balance and its hotkeys' registrations and metagraph rows");
  // --wallet.hotkey is accepted (and ignored) so the same flags work across commands, as in btcli.
  addWalletLocationOptions(command, { hotkey: true });
  addSubtensorOptions(command).option('--json', 'machine-readable output on stdout');
  command.action((flags: OverviewFlags) =>
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
          const [free, stakes, summaries, registrations] = await Promise.all([
            readBalance(client, coldkey),
            readColdkeyStakes(client, coldkey),
            readSubnets(client),
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
          return { balance: free, stakedRao: stakeValueRao(stakes, summaries), subnets: metagraphs };
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
