import type { Codec } from '@polkadot/types/types';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import { argAccount, argNumber } from '../call-args';
import { ColdkeyBalance } from '../state/coldkey-balance';
import { coldkeyOwnsHotkey, createHotkeyAccountIfMissing } from '../state/hotkey-accounts';
import { swapTaoForAlpha } from '../state/subnet-pool';
import { addBig, has, readBig, readBool, readNum, write } from '../state/subtensor-storage';
import { ensure, subnetMissingError } from '../subtensor-error';
import { hasDecayingBurn, raiseBurnAfterRegistration } from './burn-price';
import { registerNeuron } from './register-neuron';

/**
 * `burned_register(netuid, hotkey)`, signed by the coldkey. Checks in the runtime's order: root subnet,
 * subnet exists, registration allowed, per-block limit and per-interval limit (3 × target; spec 233 only —
 * 424 dropped both), hotkey not yet registered here, balance covers `Burn`, hotkey owned by the signer,
 * subnet has uid slots. The burn is withdrawn, swapped into the subnet pool and the alpha bought is removed
 * from circulation; on 424 the burn then rises by `BurnIncreaseMult`.
 */
export function burnedRegister(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const coldkey = signedAccount(context.origin);
  const netuid = argNumber(args, 'netuid');
  const hotkey = argAccount(args, 'hotkey');
  const { storage } = context;

  ensure(netuid !== 0, 'RegistrationNotPermittedOnRootSubnet');
  ensure(readBool(storage, 'networksAdded', netuid), subnetMissingError(storage, 'SubnetNotExists'));
  ensure(readBool(storage, 'networkRegistrationAllowed', netuid), 'SubNetRegistrationDisabled');
  const decayingBurn = hasDecayingBurn(storage);
  if (!decayingBurn) {
    ensure(
      readNum(storage, 'registrationsThisBlock', netuid) < readNum(storage, 'maxRegistrationsPerBlock', netuid),
      'TooManyRegistrationsThisBlock',
    );
    ensure(
      readNum(storage, 'registrationsThisInterval', netuid) <
        readNum(storage, 'targetRegistrationsPerInterval', netuid) * 3,
      'TooManyRegistrationsThisInterval',
    );
  }
  ensure(!has(storage, 'uids', netuid, hotkey), 'HotKeyAlreadyRegisteredInSubNet');

  const balance = new ColdkeyBalance(storage, context.deposit.bind(context));
  const burn = readBig(storage, 'burn', netuid);
  ensure(balance.canRemove(coldkey, burn), 'NotEnoughBalanceToStake');
  createHotkeyAccountIfMissing(storage, coldkey, hotkey);
  ensure(coldkeyOwnsHotkey(storage, coldkey, hotkey), 'NonAssociatedColdKey');
  ensure(readNum(storage, 'maxAllowedUids', netuid) !== 0, 'NoNeuronIdAvailable');

  const burned = balance.remove(coldkey, burn);
  const burnedAlpha = swapTaoForAlpha(storage, netuid, burned);
  addBig(storage, 'subnetAlphaOut', [netuid], -burnedAlpha);

  const uid = registerNeuron(storage, netuid, hotkey, context.blockNumber);
  if (decayingBurn) {
    raiseBurnAfterRegistration(storage, netuid);
  }
  for (const counter of ['burnRegistrationsThisInterval', 'registrationsThisInterval', 'registrationsThisBlock']) {
    write(storage, counter, [netuid], readNum(storage, counter, netuid) + 1);
  }
  const recycled = readBig(storage, 'raoRecycledForRegistration', netuid) + burn;
  write(storage, 'raoRecycledForRegistration', [netuid], recycled);
  context.deposit('subtensorModule', 'RAORecycledForRegistrationSet', [netuid, recycled]);
  context.deposit('subtensorModule', 'NeuronRegistered', [netuid, uid, hotkey]);
}
