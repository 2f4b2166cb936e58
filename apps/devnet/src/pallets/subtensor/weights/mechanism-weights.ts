import type { CallHandler } from '../../../runtime/dispatch-context';
import { argNumber } from '../call-args';
import { isDeclared, readNum } from '../state/subtensor-storage';
import { ensure } from '../subtensor-error';

/**
 * The `*_mechanism_weights` calls of spec 424 (`set_`, `commit_`, `reveal_mechanism_weights`): the call without
 * `mecid`, on mechanism `mecid` of the subnet. Every subnet has one mechanism here (`MechanismCountCurrent`
 * defaults to 1 and nothing in the devnet raises it), whose storage index `NetUidStorageIndex` is the netuid
 * itself, so mechanism 0 runs `handler` on the same storage and any other mecid is `MechanismDoesNotExist`.
 * (On chain, `set_mechanism_weights` checks commit-reveal before the mechanism; here the mechanism comes first.)
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
