import type { Command } from 'commander';
import { assertStartCallSupported, startSubnet } from '@taonode/chain';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import type { CliDeps } from '../../cli/cli.deps';
import { confirmSpend } from '../../cli/confirm.prompt';
import { addSpendOptions, type SpendFlags } from '../../cli/wallet-chain.options';
import { unlockColdkey, walletFromFlags } from '../../cli/wallet-keys';
import { addNetuidOption } from './netuid.option';

interface StartFlags extends SpendFlags {
  netuid: number;
}

/**
 * `taonode subnet start --netuid N` (btcli `subnet start`): the subnet owner's coldkey calls `start_call`, after
 * which the subnet receives emission and accepts stake. Only runtimes that have `start_call` (spec 424 on)
 * offer it: on older ones the command says so and signs nothing. A subnet already started is reported as such.
 */
export function registerSubnetStartCommand(subnet: Command, deps: CliDeps): void {
  const command = subnet.command('start').description("start a subnet's emission and staking (owner coldkey)");
  addNetuidOption(command);
  addSpendOptions(command);
  command.action((flags: StartFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      const wallet = walletFromFlags(flags, deps);
      await withChainSession(flags, deps, async (session) => {
        assertStartCallSupported(session.client);
        await confirmSpend(flags, deps, `Start subnet ${flags.netuid} (emission and staking) with your coldkey?`);
        const coldkey = await unlockColdkey(wallet, flags, deps);
        const result = await session.progress(`Starting subnet ${flags.netuid}`, () =>
          startSubnet(session.client, session.submitter, coldkey, flags.netuid, { waitFor: 'finalized' }),
        );
        if (output.isJson) {
          output.json(
            jsonSafe({
              netuid: result.netuid,
              already_started: result.alreadyStarted,
              first_emission_block: result.firstEmissionBlock,
              block_hash: result.submission?.blockHash,
              fee_rao: result.submission?.feeRao,
            }),
          );
          return;
        }
        output.line(
          result.alreadyStarted
            ? `Subnet ${flags.netuid} was already started: it emits from block ${result.firstEmissionBlock}`
            : `Started subnet ${flags.netuid}: it emits from block ${result.firstEmissionBlock}`,
        );
      });
    }),
  );
}
