import type { Codec, INumber } from '@polkadot/types/types';
import { defaultSubnetName, defaultSubnetSymbol } from '../../pallets/subtensor/registration/subnet-identity-defaults';
import {
  readAccount,
  readBig,
  readBool,
  readNum,
  readOptional,
  SUBTENSOR,
} from '../../pallets/subtensor/state/subtensor-storage';
import type { Storage } from '../../state/storage';

/** `get_current_block_as_u64` for the block whose state is read: `System.Number`. */
export function currentBlock(storage: Storage): bigint {
  return storage.get<INumber>('system', 'number').toBigInt();
}

export function subnetExists(storage: Storage, netuid: number): boolean {
  return readBool(storage, 'networksAdded', netuid);
}

/** Netuids with `NetworksAdded` set, ascending (the runtime iterates the identity-hashed map in key order). */
export function subnetNetuids(storage: Storage): number[] {
  return storage
    .entries(SUBTENSOR, 'networksAdded')
    .filter((entry) => entry.value.toJSON() === true)
    .map((entry) => (entry.args[0] as INumber).toNumber())
    .sort((a, b) => a - b);
}

/** `get_name_for_subnet` as UTF-8 bytes: the stored `SubnetName` when set, else the runtime's default. */
export function subnetNameBytes(storage: Storage, netuid: number): number[] {
  const stored = storage.getIfPresent<Codec>(SUBTENSOR, 'subnetName', netuid);
  return stored ? [...stored.toU8a(true)] : [...Buffer.from(defaultSubnetName(netuid), 'utf8')];
}

/** `get_symbol_for_subnet` as UTF-8 bytes (by netuid; the runtime API ignores `TokenSymbol`). */
export function subnetSymbolBytes(netuid: number): number[] {
  return [...Buffer.from(defaultSubnetSymbol(netuid), 'utf8')];
}

/** `SubnetIdentitiesV2(netuid)` as a plain object, or null. */
export function subnetIdentity(storage: Storage, netuid: number): unknown {
  return readOptional<Codec>(storage, 'subnetIdentitiesV2', netuid)?.toJSON() ?? null;
}

export function blocksSinceLastStep(storage: Storage, netuid: number): bigint {
  const since = currentBlock(storage) - readBig(storage, 'lastMechansimStepBlock', netuid);
  return since > 0n ? since : 0n;
}

/** `SubnetMovingPrice(netuid).bits` (I96F32). */
export function movingPriceBits(storage: Storage, netuid: number): bigint {
  return storage.get<Codec & { bits: INumber }>(SUBTENSOR, 'subnetMovingPrice', netuid).bits.toBigInt();
}

/** `AlphaValues(netuid)`: (alpha_low, alpha_high). */
export function alphaValues(storage: Storage, netuid: number): { low: number; high: number } {
  const [low, high] = storage.get(SUBTENSOR, 'alphaValues', netuid).toJSON() as [number, number];
  return { low, high };
}

/**
 * The pool and emission terms `DynamicInfo` and `Metagraph` both carry, in their wire order: reserves, the
 * per-block emissions into the pool, what is pending for the next epoch, and the traded volume.
 */
export function poolAndEmissionTerms(storage: Storage, netuid: number) {
  return {
    alphaIn: readBig(storage, 'subnetAlphaIn', netuid),
    alphaOut: readBig(storage, 'subnetAlphaOut', netuid),
    taoIn: readBig(storage, 'subnetTAO', netuid),
    alphaOutEmission: readBig(storage, 'subnetAlphaOutEmission', netuid),
    alphaInEmission: readBig(storage, 'subnetAlphaInEmission', netuid),
    taoInEmission: readBig(storage, 'subnetTaoInEmission', netuid),
    pendingAlphaEmission: readBig(storage, 'pendingEmission', netuid),
    pendingRootEmission: readBig(storage, 'pendingRootDivs', netuid),
    subnetVolume: readBig(storage, 'subnetVolume', netuid),
  } satisfies Record<string, bigint>;
}

export { readAccount, readBig, readBool, readNum };
