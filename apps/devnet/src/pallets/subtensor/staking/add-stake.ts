import type { Codec } from '@polkadot/types/types';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import { argAccount, argBigInt, argNumber } from '../call-args';
import { ColdkeyBalance } from '../state/coldkey-balance';
import { subtensorError } from '../subtensor-error';
import { stakeIntoSubnet } from './stake-movements';
import { STAKING_FEE, validateAddStake } from './stake-validation';

/**
 * `add_stake(hotkey, netuid, amount_staked)`, signed by the coldkey, `amount_staked` in TAO rao.
 * Price model: the subnet's constant-product pool (`SubnetTAO` × `SubnetAlphaIn`), 1:1 on stable subnets;
 * the 50 000 rao staking fee stays in the pool.
 */
export function addStake(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const coldkey = signedAccount(context.origin);
  const hotkey = argAccount(args, 'hotkey');
  const netuid = argNumber(args, 'netuid');
  const amount = argBigInt(args, 'amountStaked');
  const { storage } = context;
  const failure = validateAddStake(storage, coldkey, hotkey, netuid, amount);
  if (failure !== undefined) {
    throw subtensorError(failure);
  }
  const deposit = context.deposit.bind(context);
  const tao = new ColdkeyBalance(storage, deposit).remove(coldkey, amount);
  stakeIntoSubnet(storage, deposit, hotkey, coldkey, netuid, tao, STAKING_FEE);
}
