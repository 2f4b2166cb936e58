import type { Codec, INumber } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { clampU128, fixedDiv, fixedFromInt, fixedMul, fixedToInt, signedIntOverFixed } from './fixed-point';
import {
  fixedBitsRatio,
  safeFloatFromFixedBits,
  safeFloatRatio,
  safeFloatToFixedBits,
  valueOfShare,
  type Ratio,
} from './safe-float';
import { isDeclared, readBig, remove, SUBTENSOR, U64_MAX, write } from './subtensor-storage';

interface FixedBits extends Codec {
  readonly bits: INumber;
}

interface StoredSafeFloat extends Codec {
  readonly mantissa: INumber;
  readonly exponent: INumber;
}

/** The legacy U64F64 item and its SafeFloat successor of spec 424 (§7.3). */
const SHARE_ITEMS = { share: ['alpha', 'alphaV2'], denominator: ['totalHotkeyShares', 'totalHotkeySharesV2'] } as const;

/**
 * The per-(hotkey, subnet) share pool the runtime keeps stake in: `TotalHotkeyAlpha` is the pool's alpha
 * value, `TotalHotkeyShares` the total shares and `Alpha(hotkey, coldkey, netuid)` each coldkey's shares
 * (U64F64). A coldkey's stake is `TotalHotkeyAlpha / TotalHotkeyShares * shares`, so emission credited
 * to the whole pool (validator dividends) raises every nominator's stake without touching their shares.
 *
 * Where the served metadata has `AlphaV2` (spec 424), shares are SafeFloat in `AlphaV2` /
 * `TotalHotkeySharesV2`: a legacy entry is still read while it exists, and every write deletes it and writes
 * the V2 entry (the runtime's lazy migration); a position's value is `floor(TotalHotkeyAlpha × share /
 * denominator)` computed exactly, as a client reading storage computes it.
 */
export class AlphaSharePool {
  private readonly hasSafeFloatShares: boolean;

  constructor(
    private readonly storage: Storage,
    private readonly hotkey: string,
    private readonly netuid: number,
  ) {
    this.hasSafeFloatShares = isDeclared(storage, 'alphaV2') && isDeclared(storage, 'totalHotkeySharesV2');
  }

  /** Alpha (rao) the coldkey holds through this hotkey on this subnet; 0 when it holds no shares. */
  stakeOf(coldkey: string): bigint {
    if (this.hasSafeFloatShares) {
      const share = this.ratio('share', [this.hotkey, coldkey, this.netuid]);
      const denominator = this.ratio('denominator', [this.hotkey, this.netuid]);
      return valueOfShare(readBig(this.storage, 'totalHotkeyAlpha', this.hotkey, this.netuid), share, denominator);
    }
    if (!this.storage.has(SUBTENSOR, 'alpha', this.hotkey, coldkey, this.netuid)) {
      return 0n;
    }
    const perShare = fixedDiv(this.sharedValueBits(), this.denominatorBits()) ?? 0n;
    return fixedToInt(fixedMul(perShare, this.shareBits(coldkey)));
  }

  /** Adds (or with a negative `update` removes) alpha for every share holder at once. */
  updateValueForAll(update: bigint): void {
    const next = this.sharedValueBits() + (update << 64n);
    this.setSharedValue(next < 0n ? 0n : next);
  }

  /** Adds (or removes) alpha for one coldkey, minting or burning shares at the current value per share. */
  updateValueForOne(coldkey: string, update: bigint): void {
    const sharedValue = this.sharedValueBits();
    const currentShare = this.shareBits(coldkey);
    const denominator = this.denominatorBits();
    this.updateValueForAll(update);
    if (denominator === 0n) {
      const initial = this.sharedValueBits();
      this.setDenominator(initial);
      this.setShare(coldkey, initial);
      return;
    }
    const valuePerShare = fixedDiv(sharedValue, denominator) ?? 0n;
    const sharesPerUpdate = signedIntOverFixed(update, valuePerShare);
    this.setDenominator(clampU128(denominator + sharesPerUpdate));
    this.setShare(coldkey, clampU128(currentShare + sharesPerUpdate));
  }

  private sharedValueBits(): bigint {
    return fixedFromInt(readBig(this.storage, 'totalHotkeyAlpha', this.hotkey, this.netuid));
  }

  private denominatorBits(): bigint {
    return this.readBits('denominator', [this.hotkey, this.netuid]);
  }

  private shareBits(coldkey: string): bigint {
    return this.readBits('share', [this.hotkey, coldkey, this.netuid]);
  }

  /** The stored value as U64F64 bits: the legacy entry while it exists, else the V2 one (where declared). */
  private readBits(kind: keyof typeof SHARE_ITEMS, keys: readonly unknown[]): bigint {
    const [legacy, current] = SHARE_ITEMS[kind];
    if (!this.hasSafeFloatShares || this.storage.has(SUBTENSOR, legacy, ...keys)) {
      return this.storage.get<FixedBits>(SUBTENSOR, legacy, ...keys).bits.toBigInt();
    }
    const stored = this.storage.get<StoredSafeFloat>(SUBTENSOR, current, ...keys);
    return safeFloatToFixedBits({ mantissa: stored.mantissa.toBigInt(), exponent: stored.exponent.toNumber() });
  }

  /** The stored value as an exact ratio (legacy U64F64 or V2 SafeFloat). */
  private ratio(kind: keyof typeof SHARE_ITEMS, keys: readonly unknown[]): Ratio {
    const [legacy, current] = SHARE_ITEMS[kind];
    if (this.storage.has(SUBTENSOR, legacy, ...keys)) {
      return fixedBitsRatio(this.storage.get<FixedBits>(SUBTENSOR, legacy, ...keys).bits.toBigInt());
    }
    const stored = this.storage.get<StoredSafeFloat>(SUBTENSOR, current, ...keys);
    return safeFloatRatio({ mantissa: stored.mantissa.toBigInt(), exponent: stored.exponent.toNumber() });
  }

  /** Writes (or with 0 removes) a share value; on spec 424 into the V2 item, deleting the legacy entry. */
  private writeBits(kind: keyof typeof SHARE_ITEMS, keys: readonly unknown[], bits: bigint): void {
    const [legacy, current] = SHARE_ITEMS[kind];
    if (!this.hasSafeFloatShares) {
      if (bits === 0n) {
        remove(this.storage, legacy, ...keys);
      } else {
        write(this.storage, legacy, keys, { bits });
      }
      return;
    }
    remove(this.storage, legacy, ...keys);
    const value = safeFloatFromFixedBits(bits);
    if (value.mantissa === 0n) {
      remove(this.storage, current, ...keys);
    } else {
      write(this.storage, current, keys, value);
    }
  }

  private setSharedValue(bits: bigint): void {
    const value = fixedToInt(bits);
    if (bits === 0n) {
      remove(this.storage, 'totalHotkeyAlpha', this.hotkey, this.netuid);
    } else {
      write(this.storage, 'totalHotkeyAlpha', [this.hotkey, this.netuid], value > U64_MAX ? U64_MAX : value);
    }
  }

  private setShare(coldkey: string, bits: bigint): void {
    this.writeBits('share', [this.hotkey, coldkey, this.netuid], bits);
  }

  private setDenominator(bits: bigint): void {
    this.writeBits('denominator', [this.hotkey, this.netuid], bits);
  }
}
