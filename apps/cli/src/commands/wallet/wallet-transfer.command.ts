import type { Command } from 'commander';
import { ChainError, existentialDeposit, readBalance, transferCall } from '@taonode/chain';
import { isValidSs58Address, ss58Decode, ss58Encode } from '@taonode/wallet';
import { formatTao, parseTaoAmount } from '../../cli/amount.util';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import { CliUsageError } from '../../cli/cli-usage.error';
import type { CliDeps } from '../../cli/cli.deps';
import { confirmSpend } from '../../cli/confirm.prompt';
import { addSpendOptions, type SpendFlags } from '../../cli/wallet-chain.options';
import { unlockColdkey, walletFromFlags } from '../../cli/wallet-keys';

interface TransferFlags extends SpendFlags {
  dest: string;
  amount: string;
  allowDeath?: boolean;
}

/**
 * `taonode wallet transfer --dest <ss58> --amount <τ>`: `transfer_keep_alive` from the coldkey (or
 * `transfer_allow_death` with `--allow-death`), after checking balance ≥ amount + fee (+ existential deposit
 * when keeping alive) and asking for confirmation (btcli `wallet transfer`).
 */
export function registerWalletTransferCommand(walletCommand: Command, deps: CliDeps): void {
  const command = walletCommand.command('transfer').description('transfer TAO from the coldkey to another account');
  command
    .requiredOption('--dest <ss58>', 'destination address')
    .requiredOption('--amount <tao>', 'amount in TAO (up to 9 decimals)')
    .option('--allow-death', 'allow the coldkey to drop below the existential deposit');
  addSpendOptions(command);
  command.action((flags: TransferFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      if (!isValidSs58Address(flags.dest)) {
        throw new CliUsageError(`--dest is not a valid SS58 address: ${flags.dest}`);
      }
      const destination = ss58Encode(ss58Decode(flags.dest));
      const amountRao = parseTaoAmount(flags.amount);
      if (amountRao === 0n) {
        throw new CliUsageError('--amount must be more than 0');
      }
      const keepAlive = flags.allowDeath !== true;
      const wallet = walletFromFlags(flags, deps);
      const source = (await wallet.getColdkeypub()).ss58Address;
      await withChainSession(flags, deps, async (session) => {
        const { client, submitter } = session;
        const call = transferCall(client.api, destination, amountRao, keepAlive);
        const [balance, feeRao] = await session.progress('Checking balance and fee', () =>
          Promise.all([readBalance(client, source), submitter.estimateFee(call, source)]),
        );
        const reserveRao = keepAlive ? existentialDeposit(client.api) : 0n;
        if (balance.freeRao < amountRao + feeRao + reserveRao) {
          throw new ChainError(
            'TAONODE_CHAIN_INSUFFICIENT_BALANCE',
            `balance ${formatTao(balance.freeRao)} cannot cover ${formatTao(amountRao)} + fee ${formatTao(feeRao)}` +
              (reserveRao > 0n ? ` + existential deposit ${formatTao(reserveRao)}` : ''),
          );
        }
        await confirmSpend(
          flags,
          deps,
          `Do you want to transfer:\n  amount: ${formatTao(amountRao)}\n  from: ${wallet.name}:${source}\n  to: ${destination}\n  for fee: ${formatTao(feeRao)}\n`,
        );
        const coldkey = await unlockColdkey(wallet, flags, deps);
        const result = await session.progress('Transferring', () =>
          submitter.submit(call, coldkey, { waitFor: 'finalized', what: `transfer ${formatTao(amountRao)}` }),
        );
        const after = await readBalance(client, source, result.blockHash);
        if (output.isJson) {
          output.json(
            jsonSafe({
              from: source,
              to: destination,
              amount_rao: amountRao,
              fee_rao: result.feeRao ?? feeRao,
              block_hash: result.blockHash,
              block: result.blockNumber,
              balance_before_rao: balance.freeRao,
              balance_after_rao: after.freeRao,
            }),
          );
          return;
        }
        output.line('Finalized');
        output.line(`Block Hash: ${result.blockHash ?? ''}`);
        output.line(`Balance: ${formatTao(balance.freeRao)} ➡ ${formatTao(after.freeRao)}`);
      });
    }),
  );
}
