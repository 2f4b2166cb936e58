import { readBalance, readColdkeyStakes, type ChainClient } from '@taonode/chain';
import { formatTao } from '../../cli/amount.util';
import { jsonSafe } from '../../cli/chain-action';
import type { CliOutput } from '../../cli/cli-output';

/** Whose stake: the coldkey that pays, the hotkey it stakes through, the subnet. */
export interface StakeTarget {
  readonly coldkey: string;
  readonly hotkey: string;
  readonly netuid: number;
}

/** The coldkey's free TAO and the alpha it holds through the hotkey on the subnet, at one block. */
export interface StakePosition {
  readonly balanceRao: bigint;
  readonly stakeRao: bigint;
}

/** Alpha (rao) `coldkey` holds through `hotkey` on `netuid`, at `blockHash` (default: the finalized head). */
async function stakeOf(client: ChainClient, target: StakeTarget, blockHash?: `0x${string}`): Promise<bigint> {
  const stakes = await readColdkeyStakes(client, target.coldkey, blockHash);
  return stakes.find((stake) => stake.hotkey === target.hotkey && stake.netuid === target.netuid)?.stakeRao ?? 0n;
}

/** Balance and stake of `target` at `blockHash` (default: the latest the readers use). */
export async function readStakePosition(
  client: ChainClient,
  target: StakeTarget,
  blockHash?: `0x${string}`,
): Promise<StakePosition> {
  const [balance, stakeRao] = await Promise.all([
    readBalance(client, target.coldkey, blockHash),
    stakeOf(client, target, blockHash),
  ]);
  return { balanceRao: balance.freeRao, stakeRao };
}

/** A finalized stake change of `amountRao` and the positions around it. */
export interface StakeChange {
  readonly target: StakeTarget;
  readonly amountRao: bigint;
  readonly blockHash: `0x${string}` | undefined;
  readonly before: StakePosition;
  readonly after: StakePosition;
}

/** Prints a stake change as `stake add` and `stake remove` report it: one JSON object, or before ➡ after lines. */
export function reportStakeChange(output: CliOutput, change: StakeChange): void {
  const { before, after } = change;
  if (output.isJson) {
    output.json(
      jsonSafe({
        netuid: change.target.netuid,
        hotkey: change.target.hotkey,
        amount_rao: change.amountRao,
        block_hash: change.blockHash,
        balance_before_rao: before.balanceRao,
        balance_after_rao: after.balanceRao,
        stake_before_rao: before.stakeRao,
        stake_after_rao: after.stakeRao,
      }),
    );
    return;
  }
  output.line('Finalized');
  output.line(`Balance: ${formatTao(before.balanceRao)} ➡ ${formatTao(after.balanceRao)}`);
  output.line(`Stake: ${formatTao(before.stakeRao, 'α')} ➡ ${formatTao(after.stakeRao, 'α')}`);
}
