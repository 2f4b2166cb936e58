import { readColdkeyStakes, type ChainClient } from '@taonode/chain';

/** Alpha (rao) `coldkey` holds through `hotkey` on `netuid`, at `blockHash` (default: the finalized head). */
export async function stakeOf(
  client: ChainClient,
  coldkey: string,
  hotkey: string,
  netuid: number,
  blockHash?: `0x${string}`,
): Promise<bigint> {
  const stakes = await readColdkeyStakes(client, coldkey, blockHash);
  return stakes.find((stake) => stake.hotkey === hotkey && stake.netuid === netuid)?.stakeRao ?? 0n;
}
