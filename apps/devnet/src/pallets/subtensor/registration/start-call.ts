import type { Codec } from '@polkadot/types/types';
import { dbWeight, defineCall, NO_CUSTOM_VALIDITY, weighs } from '../../../runtime/call-definition';
import {
  OtherDispatchError,
  signedAccount,
  type DispatchContext,
  type PalletModule,
} from '../../../runtime/dispatch-context';
import { argNumber } from '../call-args';
import { has, readAccount, readBig, readBool, write } from '../state/subtensor-storage';
import { subtensorError, type SubtensorErrorName } from '../subtensor-error';

/** The errors `start_call` fails with, by their spec-424 metadata names. */
const START_CALL_ERRORS: readonly SubtensorErrorName[] = [
  'SubnetNotExists',
  'FirstEmissionBlockNumberAlreadySet',
  'NeedWaitingMoreBlocksToStarCall',
];

/**
 * `start_call(netuid)` (spec 424, `do_start_call` in subnets/subnet.rs), signed by the subnet owner's coldkey.
 * Checks in order: the subnet exists (`SubnetNotExists`), the signer is `SubnetOwner` (`BadOrigin`), not
 * started yet (`FirstEmissionBlockNumberAlreadySet`), `StartCallDelay` blocks have passed since
 * `NetworkRegisteredAt` (`NeedWaitingMoreBlocksToStarCall`). Then `FirstEmissionBlockNumber = now + 1`,
 * `SubtokenEnabled = true` and `FirstEmissionBlockNumberSet(netuid, now + 1)`: the subnet receives emission
 * from the next block and accepts stake.
 */
export function startCall(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const netuid = argNumber(args, 'netuid');
  const { storage, blockNumber } = context;
  if (!readBool(storage, 'networksAdded', netuid)) {
    throw subtensorError('SubnetNotExists');
  }
  if (
    !has(storage, 'subnetOwner', netuid) ||
    readAccount(storage, 'subnetOwner', netuid) !== signedAccount(context.origin)
  ) {
    throw new OtherDispatchError('BadOrigin');
  }
  if (has(storage, 'firstEmissionBlockNumber', netuid)) {
    throw subtensorError('FirstEmissionBlockNumberAlreadySet');
  }
  const startsAt = readBig(storage, 'networkRegisteredAt', netuid) + readBig(storage, 'startCallDelay');
  if (BigInt(blockNumber) < startsAt) {
    throw subtensorError('NeedWaitingMoreBlocksToStarCall');
  }
  const firstEmissionBlock = blockNumber + 1;
  write(storage, 'firstEmissionBlockNumber', [netuid], firstEmissionBlock);
  write(storage, 'subtokenEnabled', [netuid], true);
  context.deposit('subtensorModule', 'FirstEmissionBlockNumberSet', [netuid, firstEmissionBlock]);
}

/**
 * SubtensorModule's subnet-start call of spec 424, offered where the served metadata has `start_call` (on
 * spec 233 it is absent, so the node answers `Transaction call is not expected`). `Pays::Yes`; weight from
 * its `#[pallet::weight]` at spec 424 (29.78 µs, 5 reads, 2 writes).
 */
export const subtensorStartCall: PalletModule = {
  name: 'subtensorModule',
  calls: [
    defineCall({
      pallet: 'subtensorModule',
      name: 'start_call',
      weight: weighs(dbWeight(29_780_000n, 5, 2)),
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: START_CALL_ERRORS,
      dispatch: startCall,
    }),
  ],
};
