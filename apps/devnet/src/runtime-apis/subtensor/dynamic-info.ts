import type { Storage } from '../../state/storage';
import {
  blocksSinceLastStep,
  movingPriceBits,
  poolAndEmissionTerms,
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
    ...poolAndEmissionTerms(storage, netuid),
    networkRegisteredAt: readBig(storage, 'networkRegisteredAt', netuid),
    subnetIdentity: subnetIdentity(storage, netuid),
    movingPrice: movingPriceBits(storage, netuid),
  };
}
