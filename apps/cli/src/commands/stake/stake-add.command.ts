import type { Command } from 'commander';
import { addStakeCall, ChainError, existentialDeposit, readBalance } from '@taonode/chain';
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

interface StakeAddFlags extends SubtensorFlags, WalletLocationFlags, PasswordFlags, PromptFlags, StakeTargetFlags {
  netuid: number;
  amount: string;
  json?: boolean;
}

/**
 * `taonode stake add --netuid N --amount τ`: `add_stake` from the coldkey to the wallet's hotkey (or
 * `--hotkey`). As the SDK, the amount may not exceed balance − existential deposit.
 */
export function registerStakeAddCommand(stake: Command, deps: WalletCliDeps): void {
  const command = stake.command('add').description('stake TAO from the coldkey to a hotkey on a subnet');
  addNetuidOption(command);
  command
    .requiredOption('--amount <tao>', 'TAO to stake (up to 9 decimals)')
    .option('--hotkey <ss58>', 'stake to this hotkey instead of the wallet hotkey');
  addWalletLocationOptions(command, { hotkey: true });
  addPasswordFileOption(command);
  addSubtensorOptions(command)
    .option('--no-prompt', 'do not ask for confirmation')
    .option('--json', 'machine-readable output on stdout');
  command.action((flags: StakeAddFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      const amountRao = parseTaoAmount(flags.amount);
      if (amountRao === 0n) {
        throw new CliUsageError('--amount must be more than 0');
      }
      const wallet = walletFromFlags(flags, deps);
      const coldkeyAddress = (await wallet.getColdkeypub()).ss58Address;
      const hotkey = await stakeTarget(flags, wallet);
      await withChainSession(flags, deps, async (session) => {
        const { client, submitter } = session;
        const [balance, stakeBefore] = await session.progress('Checking balance and stake', () =>
          Promise.all([readBalance(client, coldkeyAddress), stakeOf(client, coldkeyAddress, hotkey, flags.netuid)]),
        );
        const spendable = balance.freeRao - existentialDeposit(client.api);
        if (amountRao > spendable) {
          throw new ChainError(
            'TAONODE_CHAIN_INSUFFICIENT_BALANCE',
            `cannot stake ${formatTao(amountRao)}: balance ${formatTao(balance.freeRao)} leaves ${formatTao(spendable > 0n ? spendable : 0n)} above the existential deposit`,
          );
        }
        await confirmSpend(
          flags,
          deps,
          `Do you want to stake ${formatTao(amountRao)} to hotkey ${hotkey} on subnet ${flags.netuid}?`,
        );
        const coldkey = await unlockColdkey(wallet, flags, deps);
        const result = await session.progress(`Staking ${formatTao(amountRao)}`, () =>
          submitter.submit(addStakeCall(client.api, hotkey, flags.netuid, amountRao), coldkey, {
            waitFor: 'finalized',
            what: `stake ${formatTao(amountRao)} on subnet ${flags.netuid}`,
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
