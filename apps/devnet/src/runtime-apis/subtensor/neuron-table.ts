import type { Vec } from '@polkadot/types';
import type { Codec, INumber, ITuple } from '@polkadot/types/types';
import { stakeWeightOf } from '../../pallets/subtensor/state/stake-weights';
import { has, readAccount, readBig, readOptional, SUBTENSOR } from '../../pallets/subtensor/state/subtensor-storage';
import { readBoolVector, readU16Vector, readU64Vector } from '../../pallets/subtensor/state/uid-vectors';
import type { Storage } from '../../state/storage';

const EMPTY_AXON = { block: 0, version: 0, ip: 0, port: 0, ipType: 0, protocol: 0, placeholder1: 0, placeholder2: 0 };
const EMPTY_PROMETHEUS = { block: 0, version: 0, ip: 0, port: 0, ipType: 0 };

/**
 * The per-uid state of one subnet, read once so that building all neurons stays linear. Accessors follow the
 * runtime getters: a vector shorter than the uid reads 0 / false, and the pruning score u16::MAX.
 */
export class NeuronTable {
  readonly active: boolean[];
  readonly validatorPermit: boolean[];
  readonly rank: number[];
  readonly trust: number[];
  readonly consensus: number[];
  readonly incentive: number[];
  readonly dividends: number[];
  readonly validatorTrust: number[];
  readonly pruningScores: number[];
  readonly emission: bigint[];
  readonly lastUpdate: bigint[];

  constructor(
    private readonly storage: Storage,
    readonly netuid: number,
  ) {
    this.active = readBoolVector(storage, 'active', netuid);
    this.validatorPermit = readBoolVector(storage, 'validatorPermit', netuid);
    this.rank = readU16Vector(storage, 'rank', netuid);
    this.trust = readU16Vector(storage, 'trust', netuid);
    this.consensus = readU16Vector(storage, 'consensus', netuid);
    this.incentive = readU16Vector(storage, 'incentive', netuid);
    this.dividends = readU16Vector(storage, 'dividends', netuid);
    this.validatorTrust = readU16Vector(storage, 'validatorTrust', netuid);
    this.pruningScores = readU16Vector(storage, 'pruningScores', netuid);
    this.emission = readU64Vector(storage, 'emission', netuid);
    this.lastUpdate = readU64Vector(storage, 'lastUpdate', netuid);
  }

  hasUid(uid: number): boolean {
    return has(this.storage, 'keys', this.netuid, uid);
  }

  /** `Keys(netuid, uid)`, the all-zero account when unset (ValueQuery default). */
  hotkey(uid: number): string {
    return readAccount(this.storage, 'keys', this.netuid, uid);
  }

  coldkey(hotkey: string): string {
    return readAccount(this.storage, 'owner', hotkey);
  }

  axon(hotkey: string): unknown {
    return readOptional<Codec>(this.storage, 'axons', this.netuid, hotkey)?.toJSON() ?? EMPTY_AXON;
  }

  prometheus(hotkey: string): unknown {
    return readOptional<Codec>(this.storage, 'prometheus', this.netuid, hotkey)?.toJSON() ?? EMPTY_PROMETHEUS;
  }

  blockAtRegistration(uid: number): bigint {
    return readBig(this.storage, 'blockAtRegistration', this.netuid, uid);
  }

  stake(hotkey: string): ReturnType<typeof stakeWeightOf> {
    return stakeWeightOf(this.storage, hotkey, this.netuid);
  }

  /** `Weights(netuid, uid)` or `Bonds(netuid, uid)` without zero entries, as the neuron info shows them. */
  row(item: 'weights' | 'bonds', uid: number): [number, number][] {
    return [...this.storage.get<Vec<ITuple<[INumber, INumber]>>>(SUBTENSOR, item, this.netuid, uid)]
      .map(([dest, value]): [number, number] => [dest.toNumber(), value.toNumber()])
      .filter(([, value]) => value > 0);
  }
}
