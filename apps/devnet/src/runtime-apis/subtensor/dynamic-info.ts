import type { Storage } from '../../state/storage';
import {
  blocksSinceLastStep,
  movingPriceBits,
  readAccount,
  readBig,
  readNum,
  subnetExists,
  subnetIdentity,
  subnetNameBytes,
  subnetSymbolBytes,
} from './chain-reads';

/** `get_dynamic_info(netuid)`: the subnet's pool and emission terms (spec-224 `DynamicInfo`). */
export function buildDynamicInfo(storage: Storage, netuid: number): Record<string, unknown> | null {
  if (!subnetExists(storage, netuid)) {
    return null;
  }
  return {
    netuid,
    ownerHotkey: readAccount(storage, 'subnetOwnerHotkey', netuid),
    ownerColdkey: readAccount(storage, 'subnetOwner', netuid),
    subnetName: subnetNameBytes(storage, netuid),
    tokenSymbol: subnetSymbolBytes(netuid),
    tempo: readNum(storage, 'tempo', netuid),
    lastStep: readBig(storage, 'lastMechansimStepBlock', netuid),
    blocksSinceLastStep: blocksSinceLastStep(storage, netuid),
    emission: readBig(storage, 'emissionValues', netuid),
    alphaIn: readBig(storage, 'subnetAlphaIn', netuid),
    alphaOut: readBig(storage, 'subnetAlphaOut', netuid),
    taoIn: readBig(storage, 'subnetTAO', netuid),
    alphaOutEmission: readBig(storage, 'subnetAlphaOutEmission', netuid),
    alphaInEmission: readBig(storage, 'subnetAlphaInEmission', netuid),
    taoInEmission: readBig(storage, 'subnetTaoInEmission', netuid),
    pendingAlphaEmission: readBig(storage, 'pendingEmission', netuid),
    pendingRootEmission: readBig(storage, 'pendingRootDivs', netuid),
    subnetVolume: readBig(storage, 'subnetVolume', netuid),
    networkRegisteredAt: readBig(storage, 'networkRegisteredAt', netuid),
    subnetIdentity: subnetIdentity(storage, netuid),
    movingPrice: movingPriceBits(storage, netuid),
  };
}
