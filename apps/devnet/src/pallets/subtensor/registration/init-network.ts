import type { Storage } from '../../../state/storage';
import { seedEpochSchedule } from '../epoch/epoch-schedule';
import { setSubnetParameter } from '../state/parameter-setters';
import { has, readBig, readNum, write } from '../state/subtensor-storage';

type EventSink = (pallet: string, event: string, fields: readonly unknown[]) => void;

const U64_MAX = (1n << 64n) - 1n;

/**
 * `init_new_network`: an empty subnet with the runtime's explicit defaults for new subnets (256 uids,
 * 64 validators, min 1 weight, no max-weight limit, immunity 5000, …). Each `set_*` emits its event.
 * On spec 424 the subnet takes its staggered place in the epoch schedule; commit-reveal is left at the
 * metadata's default (on at 424), and emission waits for `start_call`.
 */
export function initNewNetwork(
  storage: Storage,
  deposit: EventSink,
  netuid: number,
  tempo: number,
  block: number,
): void {
  write(storage, 'subnetworkN', [netuid], 0);
  write(storage, 'networksAdded', [netuid], true);
  write(storage, 'tempo', [netuid], tempo);
  seedEpochSchedule(storage, netuid, block);
  write(storage, 'networkModality', [netuid], 0);
  write(storage, 'totalNetworks', [], readNum(storage, 'totalNetworks') + 1);

  setSubnetParameter(storage, deposit, 'networkRegistrationAllowed', netuid, true);
  setSubnetParameter(storage, deposit, 'maxAllowedUids', netuid, 256);
  setSubnetParameter(storage, deposit, 'maxAllowedValidators', netuid, 64);
  setSubnetParameter(storage, deposit, 'minAllowedWeights', netuid, 1);
  setSubnetParameter(storage, deposit, 'maxWeightsLimit', netuid, 65535);
  setSubnetParameter(storage, deposit, 'adjustmentInterval', netuid, 360);
  setSubnetParameter(storage, deposit, 'targetRegistrationsPerInterval', netuid, 1);
  setSubnetParameter(storage, deposit, 'adjustmentAlpha', netuid, 17_893_341_751_498_265_066n);
  setSubnetParameter(storage, deposit, 'immunityPeriod', netuid, 5000);
  setSubnetParameter(storage, deposit, 'minBurn', netuid, 1n);
  setSubnetParameter(storage, deposit, 'minDifficulty', netuid, U64_MAX);
  setSubnetParameter(storage, deposit, 'maxDifficulty', netuid, U64_MAX);

  // The runtime then writes its defaults explicitly so that they show up as set storage entries.
  for (const item of [
    'kappa',
    'maxAllowedUids',
    'immunityPeriod',
    'activityCutoff',
    'maxWeightsLimit',
    'minAllowedWeights',
  ]) {
    if (!has(storage, item, netuid)) {
      write(storage, item, [netuid], readNum(storage, item, netuid));
    }
  }
  for (const item of ['difficulty', 'emissionValues']) {
    if (!has(storage, item, netuid)) {
      write(storage, item, [netuid], readBig(storage, item, netuid));
    }
  }
  for (const item of ['registrationsThisInterval', 'powRegistrationsThisInterval', 'burnRegistrationsThisInterval']) {
    if (!has(storage, item, netuid)) {
      write(storage, item, [netuid], 0);
    }
  }
}
