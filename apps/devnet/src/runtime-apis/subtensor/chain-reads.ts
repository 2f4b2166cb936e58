import type { Codec, INumber } from '@polkadot/types/types';
import { defaultSubnetName, defaultSubnetSymbol } from '../../pallets/subtensor/registration/subnet-identity-defaults';
import {
  isDeclared,
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
  const stored = isDeclared(storage, 'subnetName')
    ? storage.getIfPresent<Codec>(SUBTENSOR, 'subnetName', netuid)
    : undefined;
  return stored ? [...stored.toU8a(true)] : [...Buffer.from(defaultSubnetName(netuid), 'utf8')];
}

/** `get_symbol_for_subnet` as UTF-8 bytes (by netuid; the runtime API ignores `TokenSymbol`). */
export function subnetSymbolBytes(netuid: number): number[] {
  return [...Buffer.from(defaultSubnetSymbol(netuid), 'utf8')];
}

/**
 * The subnet's identity as a plain object, or null: `SubnetIdentitiesV3` where the metadata declares it
 * (spec 424, with `logo_url`), `SubnetIdentitiesV2` otherwise.
 */
export function subnetIdentity(storage: Storage, netuid: number): unknown {
  const item = isDeclared(storage, 'subnetIdentitiesV3') ? 'subnetIdentitiesV3' : 'subnetIdentitiesV2';
  return readOptional<Codec>(storage, item, netuid)?.toJSON() ?? null;
}

/**
 * The activity cutoff the runtime APIs report: where the metadata declares `ActivityCutoffFactorMilli`
 * (spec 424) the effective cutoff in blocks, `max(1, factor × tempo / 1000)` (`utils/misc.rs`); otherwise the
 * stored `ActivityCutoff`.
 */
export function activityCutoff(storage: Storage, netuid: number): bigint {
  if (!isDeclared(storage, 'activityCutoffFactorMilli')) {
    return readBig(storage, 'activityCutoff', netuid);
  }
  const blocks = (readBig(storage, 'activityCutoffFactorMilli', netuid) * readBig(storage, 'tempo', netuid)) / 1000n;
  return blocks > 1n ? blocks : 1n;
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

export { isDeclared, readAccount, readBig, readBool, readNum };
