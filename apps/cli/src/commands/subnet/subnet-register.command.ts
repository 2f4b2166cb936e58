import type { Command } from 'commander';
import { ChainError, ChainMetagraphReader, readBalance, readUid, registerNeuron, bestBlock } from '@taonode/chain';
import { formatTao } from '../../cli/amount.util';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import type { CliDeps } from '../../cli/cli.deps';
import { confirmSpend } from '../../cli/confirm.prompt';
import { addSpendOptions, type SpendFlags } from '../../cli/wallet-chain.options';
import { unlockColdkey, walletFromFlags } from '../../cli/wallet-keys';
import { addNetuidOption } from './netuid.option';

interface RegisterFlags extends SpendFlags {
  netuid: number;
}

/**
 * `taonode subnet register --netuid N`: registers the wallet's hotkey by recycling the subnet's burn
 * (`burned_register`, paid by the coldkey), after showing balance and cost and asking for confirmation.
 */
export function registerSubnetRegisterCommand(subnet: Command, deps: CliDeps): void {
  const command = subnet.command('register').description("register the wallet's hotkey on a subnet (recycle / burn)");
  addNetuidOption(command);
  addSpendOptions(command);
  command.action((flags: RegisterFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      const wallet = walletFromFlags(flags, deps);
      const coldkeypub = await wallet.getColdkeypub();
      const hotkey = (await wallet.getHotkeypub()).ss58Address;
      await withChainSession(flags, deps, async (session) => {
        const { client } = session;
        const [hyperparameters, balance, existing] = await session.progress('Checking registration', async () =>
          Promise.all([
            new ChainMetagraphReader(client).readHyperparameters(flags.netuid),
            readBalance(client, coldkeypub.ss58Address),
            client.call('read uid', async (api) => readUid(api, (await bestBlock(api)).hash, flags.netuid, hotkey)),
          ]),
        );
        if (existing !== undefined) {
          if (output.isJson) {
            output.json({ netuid: flags.netuid, hotkey, uid: existing, already_registered: true });
          } else {
            output.line(`Already registered on netuid ${flags.netuid} with UID ${existing} (hotkey ${hotkey})`);
          }
          return;
        }
        const cost = hyperparameters.burnRao;
        if (!output.isJson) {
          output.line(`Your balance is: ${formatTao(balance.freeRao)}`);
          output.line(`The cost to register by recycle is ${formatTao(cost)}`);
        }
        if (balance.freeRao < cost) {
          throw new ChainError(
            'TAONODE_CHAIN_INSUFFICIENT_BALANCE',
            `balance ${formatTao(balance.freeRao)} is below the registration cost ${formatTao(cost)}`,
          );
        }
        await confirmSpend(
          flags,
          deps,
          `Recycle ${formatTao(cost)} to register hotkey ${hotkey} on subnet ${flags.netuid}?`,
        );
        const coldkey = await unlockColdkey(wallet, flags, deps);
        const result = await session.progress(`Recycling ${formatTao(cost)} for registration`, () =>
          registerNeuron(client, session.submitter, coldkey, hotkey, flags.netuid, { waitFor: 'finalized' }),
        );
        const after = await readBalance(client, coldkeypub.ss58Address, result.submission?.blockHash);
        if (output.isJson) {
          output.json(
            jsonSafe({
              netuid: flags.netuid,
              hotkey,
              uid: result.uid,
              already_registered: false,
              block_hash: result.submission?.blockHash,
              fee_rao: result.submission?.feeRao,
              balance_before_rao: balance.freeRao,
              balance_after_rao: after.freeRao,
            }),
          );
          return;
        }
        output.line(`Registered on netuid ${flags.netuid} with UID ${result.uid}`);
        output.line(`Balance: ${formatTao(balance.freeRao)} ➡ ${formatTao(after.freeRao)}`);
      });
    }),
  );
}
