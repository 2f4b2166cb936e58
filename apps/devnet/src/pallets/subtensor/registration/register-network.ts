import type { Codec } from '@polkadot/types/types';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import { argAccount } from '../call-args';
import { ColdkeyBalance } from '../state/coldkey-balance';
import { coldkeyOwnsHotkey, createHotkeyAccountIfMissing, hotkeyExists } from '../state/hotkey-accounts';
import { has, readBig, readNum, write } from '../state/subtensor-storage';
import { ensure } from '../subtensor-error';
import { initNewNetwork } from './init-network';
import { networkLockCost } from './network-lock-cost';
import { appendNeuron } from './register-neuron';
import { defaultSubnetSymbol } from './subnet-identity-defaults';

const DYNAMIC_MECHANISM = 1;

/**
 * `register_network(hotkey)`, signed by the coldkey that will own the subnet (mechanism 1, dynamic).
 * Checks in the runtime's order: hotkey free or owned by the signer, network rate limit since
 * `NetworkLastRegistered`, balance covers the lock cost. The lock is withdrawn; `NetworkMinLockCost` of it
 * seeds both sides of the new pool and the rest is burned from SubtensorModule's `TotalIssuance`.
 * The owner's hotkey becomes uid 0.
 */
export function registerNetwork(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const coldkey = signedAccount(context.origin);
  const hotkey = argAccount(args, 'hotkey');
  const { storage, blockNumber } = context;

  ensure(!hotkeyExists(storage, hotkey) || coldkeyOwnsHotkey(storage, coldkey, hotkey), 'NonAssociatedColdKey');
  const sinceLast = BigInt(blockNumber) - readBig(storage, 'networkLastRegistered');
  ensure(sinceLast >= readBig(storage, 'networkRateLimit'), 'NetworkTxRateLimitExceeded');
  const balance = new ColdkeyBalance(storage, context.deposit.bind(context));
  const lock = networkLockCost(storage, blockNumber);
  ensure(balance.canRemove(coldkey, lock), 'NotEnoughBalanceToStake');

  const netuid = nextNetuid(context);
  const locked = balance.remove(coldkey, lock);
  write(storage, 'networkLastLockCost', [], locked);
  // `DefaultTempo`: the metadata's `Tempo` default (`InitialTempo`: 99 in the spec-233 testnet build, 360 at 424).
  const tempo = readNum(storage, 'tempo', netuid);
  initNewNetwork(storage, context.deposit.bind(context), netuid, tempo, blockNumber);
  createHotkeyAccountIfMissing(storage, coldkey, hotkey);
  appendNeuron(storage, netuid, hotkey, blockNumber);
  write(storage, 'subnetMechanism', [netuid], DYNAMIC_MECHANISM);
  write(storage, 'networkLastRegistered', [], blockNumber);
  write(storage, 'networkRegisteredAt', [netuid], blockNumber);
  write(storage, 'tokenSymbol', [netuid], defaultSubnetSymbol(netuid));

  const poolSeed = readBig(storage, 'networkMinLockCost');
  write(storage, 'subnetTAO', [netuid], poolSeed);
  write(storage, 'subnetAlphaIn', [netuid], poolSeed);
  write(storage, 'subnetOwner', [netuid], coldkey);
  write(storage, 'subnetOwnerHotkey', [netuid], hotkey);
  write(storage, 'totalStakeAtDynamic', [netuid], readBig(storage, 'totalStake'));
  const burned = locked - poolSeed;
  if (burned > 0n) {
    const issuance = readBig(storage, 'totalIssuance') - burned;
    write(storage, 'totalIssuance', [], issuance > 0n ? issuance : 0n);
  }
  // The runtime reports mechanism 0 here even though it stores mechanism 1.
  context.deposit('subtensorModule', 'NetworkAdded', [netuid, 0]);
}

/** `get_next_netuid`: the lowest netuid from 1 that no subnet uses. */
function nextNetuid(context: DispatchContext): number {
  let netuid = 1;
  while (has(context.storage, 'networksAdded', netuid)) {
    netuid += 1;
  }
  return netuid;
}
