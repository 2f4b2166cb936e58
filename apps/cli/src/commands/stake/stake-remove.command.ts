import type { Command } from 'commander';
import { ChainError, readBalance, removeStakeCall } from '@taonode/chain';
import { formatTao, parseTaoAmount } from '../chain/amount.util';
import { jsonSafe, runChainAction } from '../chain/chain-action';
import { withChainSession } from '../chain/chain-session';
import { confirmSpend, type PromptFlags } from '../chain/confirm.prompt';
import { addSubtensorOptions, type SubtensorFlags } from '../chain/subtensor.options';
import { unlockColdkey, walletFromFlags } from '../chain/wallet-keys';
import { addNetuidOption } from '../subnet/netuid.option';
import { CliUsageError } from '../wallet/cli-usage.error';
import { addPasswordFileOption, type PasswordFlags } from '../wallet/password.options';
import type { WalletCliDeps } from '../wallet/wallet-cli.deps';
import { addWalletLocationOptions, type WalletLocationFlags } from '../wallet/wallet-location.options';
import { stakeOf } from './stake-position';
import { stakeTarget, type StakeTargetFlags } from './stake.options';

interface StakeRemoveFlags extends SubtensorFlags, WalletLocationFlags, PasswordFlags, PromptFlags, StakeTargetFlags {
  netuid: number;
  amount?: string;
  all?: boolean;
  json?: boolean;
}

/**
 * `taonode stake remove --netuid N --amount α` (or `--all`): `remove_stake` of alpha the coldkey holds through
 * the hotkey; the chain swaps it back to TAO into the coldkey's free balance.
 */
export function registerStakeRemoveCommand(stake: Command, deps: WalletCliDeps): void {
  const command = stake.command('remove').description('unstake alpha from a hotkey on a subnet back to the coldkey');
  addNetuidOption(command);
  command
    .option('--amount <alpha>', 'alpha to unstake (up to 9 decimals)')
    .option('--all', 'unstake everything the coldkey holds through this hotkey on this subnet')
    .option('--hotkey <ss58>', 'unstake from this hotkey instead of the wallet hotkey');
  addWalletLocationOptions(command, { hotkey: true });
  addPasswordFileOption(command);
  addSubtensorOptions(command)
    .option('--no-prompt', 'do not ask for confirmation')
    .option('--json', 'machine-readable output on stdout');
  command.action((flags: StakeRemoveFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      if ((flags.amount === undefined) === (flags.all !== true)) {
        throw new CliUsageError('pass exactly one of --amount <alpha> and --all');
      }
      const wallet = walletFromFlags(flags, deps);
      const coldkeyAddress = (await wallet.getColdkeypub()).ss58Address;
      const hotkey = await stakeTarget(flags, wallet);
      await withChainSession(flags, deps, async (session) => {
        const { client, submitter } = session;
        const [balance, stakeBefore] = await session.progress('Checking balance and stake', () =>
          Promise.all([readBalance(client, coldkeyAddress), stakeOf(client, coldkeyAddress, hotkey, flags.netuid)]),
        );
        const amountRao = flags.amount === undefined ? stakeBefore : parseTaoAmount(flags.amount);
        if (amountRao === 0n || amountRao > stakeBefore) {
          throw new ChainError(
            'TAONODE_CHAIN_INSUFFICIENT_BALANCE',
            `cannot unstake ${formatTao(amountRao, 'α')}: the stake through ${hotkey} on subnet ${flags.netuid} is ${formatTao(stakeBefore, 'α')}`,
          );
        }
        await confirmSpend(
          flags,
          deps,
          `Do you want to unstake ${formatTao(amountRao, 'α')} from hotkey ${hotkey} on subnet ${flags.netuid}?`,
        );
        const coldkey = await unlockColdkey(wallet, flags, deps);
        const result = await session.progress(`Unstaking ${formatTao(amountRao, 'α')}`, () =>
          submitter.submit(removeStakeCall(client.api, hotkey, flags.netuid, amountRao), coldkey, {
            waitFor: 'finalized',
            what: `unstake ${formatTao(amountRao, 'α')} on subnet ${flags.netuid}`,
          }),
        );
        const [after, stakeAfter] = await Promise.all([
          readBalance(client, coldkeyAddress, result.blockHash),
          stakeOf(client, coldkeyAddress, hotkey, flags.netuid, result.blockHash),
        ]);
        if (output.isJson) {
          output.json(
            jsonSafe({
              netuid: flags.netuid,
              hotkey,
              amount_rao: amountRao,
              block_hash: result.blockHash,
              balance_before_rao: balance.freeRao,
              balance_after_rao: after.freeRao,
              stake_before_rao: stakeBefore,
              stake_after_rao: stakeAfter,
            }),
          );
          return;
        }
        output.line('Finalized');
        output.line(`Balance: ${formatTao(balance.freeRao)} ➡ ${formatTao(after.freeRao)}`);
        output.line(`Stake: ${formatTao(stakeBefore, 'α')} ➡ ${formatTao(stakeAfter, 'α')}`);
      });
    }),
  );
}
