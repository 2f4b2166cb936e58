import type { Command } from 'commander';
import { bestBlock, readUid, readWeights, type WeightRow } from '@taonode/chain';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import { CliUsageError } from '../../cli/cli-usage.error';
import type { CliDeps } from '../../cli/cli.deps';
import { renderTable } from '../../cli/table.util';
import { addWalletChainOptions, type WalletChainFlags } from '../../cli/wallet-chain.options';
import { walletFromFlags } from '../../cli/wallet-keys';
import { addNetuidOption, parseIndex } from '../subnet/netuid.option';

interface ShowFlags extends WalletChainFlags {
  netuid: number;
  uid?: number;
  mine?: boolean;
}

/** Row values normalised to sum 1, as the SDK's full metagraph shows a weight row. */
function normalised(row: WeightRow): number[] {
  const sum = row.weights.reduce((total, [, value]) => total + value, 0);
  return row.weights.map(([, value]) => (sum === 0 ? 0 : value / sum));
}

/**
 * `taonode weights show --netuid N [--uid U | --mine]`: the weights set on a subnet, one row per setting uid
 * (all of them by default), with the chain's u16 values and the row-normalised weights.
 */
export function registerWeightsShowCommand(weights: Command, deps: CliDeps): void {
  const command = weights.command('show').description('show the weights set on a subnet');
  addNetuidOption(command);
  command
    .option('--uid <uid>', 'only the weights this uid set', parseIndex)
    .option('--mine', "only the weights the wallet's hotkey set");
  addWalletChainOptions(command);
  command.action((flags: ShowFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      if (flags.uid !== undefined && flags.mine === true) {
        throw new CliUsageError('pass at most one of --uid and --mine');
      }
      const hotkey = flags.mine === true ? (await walletFromFlags(flags, deps).getHotkeypub()).ss58Address : undefined;
      await withChainSession(flags, deps, async (session) => {
        const { client } = session;
        const rows = await session.progress(`Reading weights of subnet ${flags.netuid}`, async () => {
          let uids: number[] | undefined = flags.uid === undefined ? undefined : [flags.uid];
          if (hotkey !== undefined) {
            const uid = await client.call('read uid', async (api) =>
              readUid(api, (await bestBlock(api)).hash, flags.netuid, hotkey),
            );
            if (uid === undefined) {
              throw new CliUsageError(`hotkey ${hotkey} is not registered on subnet ${flags.netuid}`);
            }
            uids = [uid];
          }
          return readWeights(client, flags.netuid, { uids });
        });
        if (output.isJson) {
          output.json(
            jsonSafe({
              netuid: flags.netuid,
              rows: rows.map((row) => ({
                uid: row.uid,
                weights: row.weights.map(([dest, value], index) => ({
                  uid: dest,
                  value,
                  normalized: normalised(row)[index],
                })),
              })),
            }),
          );
          return;
        }
        output.line(`Weights on subnet ${flags.netuid} (network: ${session.network})`);
        const table = rows.flatMap((row) => {
          const shares = normalised(row);
          return row.weights.map(([dest, value], index) => [
            String(row.uid),
            String(dest),
            String(value),
            (shares[index] ?? 0).toFixed(5),
          ]);
        });
        if (table.length === 0) {
          output.line('No weights set.');
          return;
        }
        for (const line of renderTable(['UID', 'DEST_UID', 'WEIGHT(u16)', 'NORMALIZED'], table, [
          true,
          true,
          true,
          true,
        ])) {
          output.line(line);
        }
      });
    }),
  );
}
