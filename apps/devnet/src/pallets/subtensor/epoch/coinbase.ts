import type { INumber } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { alphaPrice, swapAlphaForTao } from '../state/subnet-pool';
import { addBig, entriesOf, readBig, readBool, readNum, SUBTENSOR, U64_MAX, write } from '../state/subtensor-storage';
import { distributeEpochEmission } from './emission-distribution';
import { shouldRunEpoch } from './epoch-schedule';

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
 *   out everything pending through the epoch; the others count `BlocksSinceLastStep` up.
 */
export function runCoinbase(storage: Storage, block: number): void {
  const subnets = storage
    .entries(SUBTENSOR, 'networksAdded')
    .map((entry) => (entry.args[0] as INumber).toNumber())
    .filter((netuid) => netuid !== 0);
  const blockEmission = Number(readBig(storage, 'blockEmission'));
  const prices = new Map(subnets.map((netuid) => [netuid, alphaPrice(storage, netuid)]));
  const totalPrice = [...prices.values()].reduce((sum, price) => sum + price, 0);

  for (const netuid of subnets) {
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
    const alphaOut = alphaEmission - ownerCut;
    addBig(storage, 'pendingOwnerCut', [netuid], ownerCut);
    const rootAlpha = rootShareOf(storage, netuid, alphaOut);
    const rootTao = swapAlphaForTao(storage, netuid, rootAlpha);
    addBig(storage, 'pendingAlphaSwapped', [netuid], rootAlpha);
    addBig(storage, 'pendingEmission', [netuid], alphaOut - rootAlpha);
    addBig(storage, 'pendingRootDivs', [netuid], rootTao);
  }

  for (const netuid of subnets) {
    write(storage, 'subnetMovingPrice', [netuid], {
      bits: BigInt(Math.floor(alphaPrice(storage, netuid) * I96F32_ONE)),
    });
  }

  for (const netuid of subnets) {
    if (!shouldRunEpoch(storage, netuid, block)) {
      addBig(storage, 'blocksSinceLastStep', [netuid], 1n);
      continue;
    }
    write(storage, 'blocksSinceLastStep', [netuid], 0);
    write(storage, 'lastMechansimStepBlock', [netuid], block);
    const pending = {
      alpha: takePending(storage, 'pendingEmission', netuid),
      rootTao: takePending(storage, 'pendingRootDivs', netuid),
      swapped: takePending(storage, 'pendingAlphaSwapped', netuid),
      ownerCut: takePending(storage, 'pendingOwnerCut', netuid),
    };
    distributeEpochEmission(storage, netuid, block, pending);
    dropUnrevealableCrv3Commits(storage, netuid, block);
  }
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
