import type { Command } from 'commander';
import { formatTao } from '../../cli/amount.util';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import type { CliDeps } from '../../cli/cli.deps';
import { readColdkeyHoldings } from '../../cli/stake-value';
import { renderTable } from '../../cli/table.util';
import { addWalletChainOptions, type WalletChainFlags } from '../../cli/wallet-chain.options';
import { walletFromFlags } from '../../cli/wallet-keys';

/**
 * `taonode wallet balance`: the coldkey's free balance, the TAO value of its stakes and their sum
 * (btcli `wallet balance`). Reads only `coldkeypub.txt`: no password.
 */
export function registerWalletBalanceCommand(walletCommand: Command, deps: CliDeps): void {
  const command = walletCommand.command('balance').description("show the coldkey's free balance and staked value");
  addWalletChainOptions(command);
  command.action((flags: WalletChainFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      const wallet = walletFromFlags(flags, deps);
      const coldkey = (await wallet.getColdkeypub()).ss58Address;
      await withChainSession(flags, deps, async (session) => {
        const { client } = session;
        const { balance, stakes, stakedRao } = await session.progress('Reading balances', () =>
          readColdkeyHoldings(client, coldkey),
        );
        const totalRao = balance.freeRao + stakedRao;
        if (output.isJson) {
          output.json(
            jsonSafe({
              wallet: wallet.name,
              coldkey,
              network: session.network,
              block: balance.block,
              free_rao: balance.freeRao,
              reserved_rao: balance.reservedRao,
              staked_value_rao: stakedRao,
              total_rao: totalRao,
              stakes,
            }),
          );
          return;
        }
        output.line(`Wallet Coldkey Balance (network: ${session.network}, block ${balance.block})`);
        const headers = ['Wallet Name', 'Coldkey Address', 'Free Balance', 'Staked Value', 'Total Balance'];
        const row = [wallet.name, coldkey, formatTao(balance.freeRao), formatTao(stakedRao), formatTao(totalRao)];
        for (const line of renderTable(headers, [row], [false, false, true, true, true])) {
          output.line(line);
        }
      });
    }),
  );
}
