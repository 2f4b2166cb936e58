import type { Codec } from '@polkadot/types/types';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import { argAccount, argBigInt, argNumber } from '../call-args';
import { ColdkeyBalance } from '../state/coldkey-balance';
import { subtensorError } from '../subtensor-error';
import { unstakeFromSubnet } from './stake-movements';
import { STAKING_FEE, validateRemoveStake } from './stake-validation';

/**
 * `remove_stake(hotkey, netuid, amount_unstaked)`, signed by the coldkey, `amount_unstaked` in alpha rao.
 * The alpha is sold into the pool and the TAO less the staking fee is credited to the coldkey.
 * (Small-nomination clearing never triggers: `NominatorMinRequiredStake` is 0 and the devnet has no
 * child keys to drop.)
 */
export function removeStake(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const coldkey = signedAccount(context.origin);
  const hotkey = argAccount(args, 'hotkey');
  const netuid = argNumber(args, 'netuid');
  const alpha = argBigInt(args, 'amountUnstaked');
  const { storage } = context;
  const failure = validateRemoveStake(storage, coldkey, hotkey, netuid, alpha);
  if (failure !== undefined) {
    throw subtensorError(failure);
  }
  const deposit = context.deposit.bind(context);
  const tao = unstakeFromSubnet(storage, deposit, hotkey, coldkey, netuid, alpha, STAKING_FEE);
  new ColdkeyBalance(storage, deposit).add(coldkey, tao);
}
