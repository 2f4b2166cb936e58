import type { INumber } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { alphaPrice, swapAlphaForTao } from '../state/subnet-pool';
import {
  addBig,
  entriesOf,
  has,
  isDeclared,
  readBig,
  readBool,
  readNum,
  SUBTENSOR,
  U64_MAX,
  write,
} from '../state/subtensor-storage';
import { distributeEpochEmission, type PendingEmission } from './emission-distribution';
import { hasStatefulEpochs, shouldRunEpoch } from './epoch-schedule';

type EventDeposit = (pallet: string, event: string, fields: readonly unknown[]) => void;

/** I96F32 has 32 fractional bits: `SubnetMovingPrice` stores price × 2^32. */
const I96F32_ONE = 2 ** 32;

/**
 * `run_coinbase`, once per block for every subnet but the root:
 * - TAO: `BlockEmission` split across subnets in proportion to their alpha price (the runtime uses each
 *   subnet's moving price; the devnet's moving price is the spot price) is added to the pool (`SubnetTAO`),
 *   `TotalStake` and SubtensorModule's `TotalIssuance` — unless registration is closed while PoW stays open;
 * - alpha: `BlockEmission` alpha per subnet is issued: the part that keeps the price is injected into the pool
 *   (`SubnetAlphaIn`, at most the emission), the full emission is added to `SubnetAlphaOut`;
 * - of the outstanding emission the owner's cut (`SubnetOwnerCut`) accrues in `PendingOwnerCut`; the root's
 *   share (root TAO × `TaoWeight` against alpha issuance, half of it) is sold for TAO into `PendingRootDivs`;
 *   the rest accrues in `PendingEmission`;
 * - subnets whose epoch falls on this block reset `BlocksSinceLastStep`, set `LastMechansimStepBlock` and pay
 *   out everything pending through the epoch; the others count `BlocksSinceLastStep` up. On spec 424 the
 *   stateful scheduler decides (epoch-schedule.ts), at most `MaxEpochsPerBlock` epochs run per block and each
 *   consumed slot writes `LastEpochBlock`, clears `PendingEpochAt` and advances `SubnetEpochIndex`.
 */
export function runCoinbase(storage: Storage, deposit: EventDeposit, block: number, subnets: readonly number[]): void {
  const blockEmission = Number(readBig(storage, 'blockEmission'));
  const emitting = subnets.filter((netuid) => receivesEmission(storage, netuid));
  const prices = new Map(emitting.map((netuid) => [netuid, alphaPrice(storage, netuid)]));
  const totalPrice = [...prices.values()].reduce((sum, price) => sum + price, 0);

  for (const netuid of emitting) {
    const price = prices.get(netuid) ?? 0;
    const closed =
      !readBool(storage, 'networkRegistrationAllowed', netuid) &&
      readBool(storage, 'networkPowRegistrationAllowed', netuid);
    const taoIn = closed || totalPrice === 0 ? 0n : BigInt(Math.floor((blockEmission * price) / totalPrice));
    const alphaEmission = BigInt(blockEmission);
    const alphaIn = price === 0 ? alphaEmission : minBig(BigInt(Math.floor(Number(taoIn) / price)), alphaEmission);
    write(storage, 'subnetAlphaInEmission', [netuid], alphaIn);
    addBig(storage, 'subnetAlphaIn', [netuid], alphaIn);
    write(storage, 'subnetAlphaOutEmission', [netuid], alphaEmission);
    addBig(storage, 'subnetAlphaOut', [netuid], alphaEmission);
    write(storage, 'subnetTaoInEmission', [netuid], taoIn);
    addBig(storage, 'subnetTAO', [netuid], taoIn);
    addBig(storage, 'totalStake', [], taoIn);
    addBig(storage, 'totalIssuance', [], taoIn);

    const ownerCut = (alphaEmission * BigInt(readNum(storage, 'subnetOwnerCut'))) / 65535n;
    accruePending(storage, netuid, alphaEmission - ownerCut, ownerCut);
  }

  for (const netuid of emitting) {
    write(storage, 'subnetMovingPrice', [netuid], {
      bits: BigInt(Math.floor(alphaPrice(storage, netuid) * I96F32_ONE)),
    });
  }

  const stateful = hasStatefulEpochs(storage);
  const cap = readNum(storage, 'maxEpochsPerBlock');
  let epochsThisBlock = 0;
  for (const netuid of subnets) {
    if (!stateful) {
      if (!shouldRunEpoch(storage, netuid, block)) {
        addBig(storage, 'blocksSinceLastStep', [netuid], 1n);
        continue;
      }
      write(storage, 'blocksSinceLastStep', [netuid], 0);
      runDueEpoch(storage, netuid, block);
      dropUnrevealableCrv3Commits(storage, netuid, block);
      continue;
    }
    // spec 424 `drain_pending`: count the block, run the due epoch unless the cap is reached (then defer it by
    // one block without advancing the schedule), and consume the slot: anchor, clear the trigger, +1 epoch.
    addBig(storage, 'blocksSinceLastStep', [netuid], 1n);
    if (!shouldRunEpoch(storage, netuid, block)) {
      continue;
    }
    if (epochsThisBlock >= cap) {
      write(storage, 'pendingEpochAt', [netuid], block + 1);
      deposit(SUBTENSOR, 'EpochDeferred', [netuid, block, block + 1]);
      continue;
    }
    epochsThisBlock += 1;
    const runnable = !hasDuplicateHotkeys(storage, netuid);
    if (runnable) {
      write(storage, 'blocksSinceLastStep', [netuid], 0);
    } else {
      deposit(SUBTENSOR, 'EpochSkipped', [netuid, block]);
    }
    write(storage, 'lastEpochBlock', [netuid], block);
    write(storage, 'pendingEpochAt', [netuid], 0);
    addBig(storage, 'subnetEpochIndex', [netuid], 1n);
    if (runnable) {
      runDueEpoch(storage, netuid, block);
    }
  }
}

/** Sets `LastMechansimStepBlock` and pays out everything pending through the subnet's epoch. */
function runDueEpoch(storage: Storage, netuid: number, block: number): void {
  write(storage, 'lastMechansimStepBlock', [netuid], block);
  distributeEpochEmission(storage, netuid, block, takeAllPending(storage, netuid));
}

/**
 * `get_subnets_to_emit_to`: where the runtime has `start_call` (spec 424), only subnets with
 * `FirstEmissionBlockNumber` set, `SubtokenEnabled` and registration allowed receive emission; their epochs
 * still run, with nothing to distribute. On 233 every subnet emits.
 */
export function receivesEmission(storage: Storage, netuid: number): boolean {
  if (!isDeclared(storage, 'firstEmissionBlockNumber') || !isDeclared(storage, 'subtokenEnabled')) {
    return true;
  }
  return (
    has(storage, 'firstEmissionBlockNumber', netuid) &&
    readBool(storage, 'subtokenEnabled', netuid) &&
    readBool(storage, 'networkRegistrationAllowed', netuid)
  );
}

/** `Keys` holding the same hotkey under two uids: the runtime skips such a subnet's epoch (`EpochSkipped`). */
function hasDuplicateHotkeys(storage: Storage, netuid: number): boolean {
  const hotkeys = entriesOf(storage, 'keys', netuid).map((entry) => entry.value.toString());
  return new Set(hotkeys).size !== hotkeys.length;
}

/**
 * Accrues a block's emission until the epoch. Spec 233 keeps miner/validator alpha in `PendingEmission` and
 * sells the root's share for TAO into `PendingRootDivs`; spec 424 dropped both items and keeps
 * `PendingServerEmission` / `PendingValidatorEmission` (half each) and the root's share as alpha in
 * `PendingRootAlphaDivs`, which the devnet pays out through the epoch with the rest (no root TAO dividends).
 */
function accruePending(storage: Storage, netuid: number, alphaOut: bigint, ownerCut: bigint): void {
  addBig(storage, 'pendingOwnerCut', [netuid], ownerCut);
  const rootAlpha = rootShareOf(storage, netuid, alphaOut);
  if (isDeclared(storage, 'pendingEmission')) {
    const rootTao = swapAlphaForTao(storage, netuid, rootAlpha);
    addBig(storage, 'pendingAlphaSwapped', [netuid], rootAlpha);
    addBig(storage, 'pendingEmission', [netuid], alphaOut - rootAlpha);
    addBig(storage, 'pendingRootDivs', [netuid], rootTao);
    return;
  }
  const subnetAlpha = alphaOut - rootAlpha;
  addBig(storage, 'pendingServerEmission', [netuid], subnetAlpha / 2n);
  addBig(storage, 'pendingValidatorEmission', [netuid], subnetAlpha - subnetAlpha / 2n);
  addBig(storage, 'pendingRootAlphaDivs', [netuid], rootAlpha);
}

function takeAllPending(storage: Storage, netuid: number): PendingEmission {
  return {
    alpha:
      takePending(storage, 'pendingEmission', netuid) +
      takePending(storage, 'pendingServerEmission', netuid) +
      takePending(storage, 'pendingValidatorEmission', netuid),
    rootTao: takePending(storage, 'pendingRootDivs', netuid),
    swapped: takePending(storage, 'pendingAlphaSwapped', netuid) + takePending(storage, 'pendingRootAlphaDivs', netuid),
    ownerCut: takePending(storage, 'pendingOwnerCut', netuid),
  };
}

/** Half of the emission in proportion of the root's weighted TAO to the subnet's alpha issuance. */
function rootShareOf(storage: Storage, netuid: number, alphaOut: bigint): bigint {
  const rootTao = Number(readBig(storage, 'subnetTAO', 0));
  const taoWeight = Number(readBig(storage, 'taoWeight')) / Number(U64_MAX);
  const weightedRoot = rootTao * taoWeight;
  const issuance = Number(readBig(storage, 'subnetAlphaIn', netuid) + readBig(storage, 'subnetAlphaOut', netuid));
  const proportion = weightedRoot + issuance === 0 ? 0 : weightedRoot / (weightedRoot + issuance);
  return BigInt(Math.floor(proportion * Number(alphaOut) * 0.5));
}

function takePending(storage: Storage, item: string, netuid: number): bigint {
  const value = readBig(storage, item, netuid);
  write(storage, item, [netuid], 0);
  return value;
}

/**
 * The runtime decrypts and applies the timelocked (CRv3) commits of the epoch that reveals now. The devnet
 * cannot decrypt drand ciphertexts, so it only drops the commits whose reveal epoch has arrived.
 */
function dropUnrevealableCrv3Commits(storage: Storage, netuid: number, block: number): void {
  const tempo = readNum(storage, 'tempo', netuid);
  const currentEpoch = Math.floor((block + netuid + 1) / (tempo + 1));
  const revealPeriod = Number(readBig(storage, 'revealPeriodEpochs', netuid));
  const revealEpoch = currentEpoch - Math.max(0, revealPeriod - 1);
  for (const entry of entriesOf(storage, 'crv3WeightCommits', netuid)) {
    if ((entry.args[1] as INumber).toNumber() <= revealEpoch) {
      storage.setRaw(entry.key, null);
    }
  }
}

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
