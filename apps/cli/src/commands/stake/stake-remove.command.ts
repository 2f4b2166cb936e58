import type { Command } from 'commander';
import { ChainError, removeStakeCall } from '@taonode/chain';
import { formatTao, parseTaoAmount } from '../../cli/amount.util';
import { runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import { CliUsageError } from '../../cli/cli-usage.error';
import type { CliDeps } from '../../cli/cli.deps';
import { confirmSpend } from '../../cli/confirm.prompt';
import { addSpendOptions, type SpendFlags } from '../../cli/wallet-chain.options';
import { unlockColdkey, walletFromFlags } from '../../cli/wallet-keys';
import { addNetuidOption } from '../subnet/netuid.option';
import { readStakePosition, reportStakeChange } from './stake-position';
import { stakeTarget, type StakeTargetFlags } from './stake.options';

interface StakeRemoveFlags extends SpendFlags, StakeTargetFlags {
  netuid: number;
  amount?: string;
  all?: boolean;
}

/**
 * `taonode stake remove --netuid N --amount α` (or `--all`): `remove_stake` of alpha the coldkey holds through
 * the hotkey; the chain swaps it back to TAO into the coldkey's free balance.
 */
export function registerStakeRemoveCommand(stake: Command, deps: CliDeps): void {
  const command = stake.command('remove').description('unstake alpha from a hotkey on a subnet back to the coldkey');
  addNetuidOption(command);
  command
    .option('--amount <alpha>', 'alpha to unstake (up to 9 decimals)')
    .option('--all', 'unstake everything the coldkey holds through this hotkey on this subnet')
    .option('--hotkey <ss58>', 'unstake from this hotkey instead of the wallet hotkey');
  addSpendOptions(command);
  command.action((flags: StakeRemoveFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      if ((flags.amount === undefined) === (flags.all !== true)) {
        throw new CliUsageError('pass exactly one of --amount <alpha> and --all');
      }
      const wallet = walletFromFlags(flags, deps);
      const target = await stakeTarget(flags, wallet);
      await withChainSession(flags, deps, async (session) => {
        const { client, submitter } = session;
        const before = await session.progress('Checking balance and stake', () => readStakePosition(client, target));
        const amountRao = flags.amount === undefined ? before.stakeRao : parseTaoAmount(flags.amount);
        if (amountRao === 0n || amountRao > before.stakeRao) {
          throw new ChainError(
            'TAONODE_CHAIN_INSUFFICIENT_BALANCE',
            `cannot unstake ${formatTao(amountRao, 'α')}: the stake through ${target.hotkey} on subnet ${flags.netuid} is ${formatTao(before.stakeRao, 'α')}`,
          );
        }
        await confirmSpend(
          flags,
          deps,
          `Do you want to unstake ${formatTao(amountRao, 'α')} from hotkey ${target.hotkey} on subnet ${flags.netuid}?`,
        );
        const coldkey = await unlockColdkey(wallet, flags, deps);
        const result = await session.progress(`Unstaking ${formatTao(amountRao, 'α')}`, () =>
          submitter.submit(removeStakeCall(client.api, target.hotkey, flags.netuid, amountRao), coldkey, {
            waitFor: 'finalized',
            what: `unstake ${formatTao(amountRao, 'α')} on subnet ${flags.netuid}`,
          }),
        );
        const after = await readStakePosition(client, target, result.blockHash);
        reportStakeChange(output, { target, amountRao, blockHash: result.blockHash, before, after });
      });
    }),
  );
}
