import type { CallHandler } from '../../../runtime/dispatch-context';
import { argNumber } from '../call-args';
import { isDeclared, readBool, readNum } from '../state/subtensor-storage';
import { ensure } from '../subtensor-error';
import { setWeights } from './set-weights';

/**
 * The `*_mechanism_weights` calls of spec 424 (`set_`, `commit_`, `reveal_mechanism_weights`): the call without
 * `mecid`, on mechanism `mecid` of the subnet. Every subnet has one mechanism here (`MechanismCountCurrent`
 * defaults to 1 and nothing in the devnet raises it), whose storage index `NetUidStorageIndex` is the netuid
 * itself, so mechanism 0 runs `handler` on the same storage and any other mecid is `MechanismDoesNotExist`.
 */
export function onMechanism(handler: CallHandler): CallHandler {
  return (context, args) => {
    const netuid = argNumber(args, 'netuid');
    const mecid = argNumber(args, 'mecid');
    const { storage } = context;
    const mechanisms = isDeclared(storage, 'mechanismCountCurrent')
      ? readNum(storage, 'mechanismCountCurrent', netuid)
      : 1;
    ensure(mecid === 0 && mecid < mechanisms, 'MechanismDoesNotExist');
    return handler(context, args);
  };
}

/**
 * `set_mechanism_weights(netuid, mecid, …)`: as on chain, commit-reveal is checked first (`CommitRevealEnabled`
 * even for a mechanism that does not exist), then the mechanism, then `set_weights`' path.
 */
export const setMechanismWeights: CallHandler = (context, args) => {
  ensure(!readBool(context.storage, 'commitRevealWeightsEnabled', argNumber(args, 'netuid')), 'CommitRevealEnabled');
  return onMechanism(setWeights)(context, args);
};
