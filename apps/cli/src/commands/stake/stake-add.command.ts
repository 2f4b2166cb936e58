import type { Command } from 'commander';
import { addStakeCall, ChainError, existentialDeposit } from '@taonode/chain';
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

interface StakeAddFlags extends SpendFlags, StakeTargetFlags {
  netuid: number;
  amount: string;
}

/**
 * `taonode stake add --netuid N --amount τ`: `add_stake` from the coldkey to the wallet's hotkey (or
 * `--hotkey`). As the SDK, the amount may not exceed balance − existential deposit.
 */
export function registerStakeAddCommand(stake: Command, deps: CliDeps): void {
  const command = stake.command('add').description('stake TAO from the coldkey to a hotkey on a subnet');
  addNetuidOption(command);
  command
    .requiredOption('--amount <tao>', 'TAO to stake (up to 9 decimals)')
    .option('--hotkey <ss58>', 'stake to this hotkey instead of the wallet hotkey');
  addSpendOptions(command);
  command.action((flags: StakeAddFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      const amountRao = parseTaoAmount(flags.amount);
      if (amountRao === 0n) {
        throw new CliUsageError('--amount must be more than 0');
      }
      const wallet = walletFromFlags(flags, deps);
      const target = await stakeTarget(flags, wallet);
      await withChainSession(flags, deps, async (session) => {
        const { client, submitter } = session;
        const before = await session.progress('Checking balance and stake', () => readStakePosition(client, target));
        const spendable = before.balanceRao - existentialDeposit(client.api);
        if (amountRao > spendable) {
          throw new ChainError(
            'TAONODE_CHAIN_INSUFFICIENT_BALANCE',
            `cannot stake ${formatTao(amountRao)}: balance ${formatTao(before.balanceRao)} leaves ${formatTao(spendable > 0n ? spendable : 0n)} above the existential deposit`,
          );
        }
        await confirmSpend(
          flags,
          deps,
          `Do you want to stake ${formatTao(amountRao)} to hotkey ${target.hotkey} on subnet ${flags.netuid}?`,
        );
        const coldkey = await unlockColdkey(wallet, flags, deps);
        const result = await session.progress(`Staking ${formatTao(amountRao)}`, () =>
          submitter.submit(addStakeCall(client.api, target.hotkey, flags.netuid, amountRao), coldkey, {
            waitFor: 'finalized',
            what: `stake ${formatTao(amountRao)} on subnet ${flags.netuid}`,
          }),
        );
        const after = await readStakePosition(client, target, result.blockHash);
        reportStakeChange(output, { target, amountRao, blockHash: result.blockHash, before, after });
      });
    }),
  );
}
