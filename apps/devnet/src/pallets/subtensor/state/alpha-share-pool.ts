import type { Codec, INumber } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { clampU128, fixedDiv, fixedFromInt, fixedMul, fixedToInt, signedIntOverFixed } from './fixed-point';
import { readBig, remove, SUBTENSOR, U64_MAX, write } from './subtensor-storage';

interface FixedBits extends Codec {
  readonly bits: INumber;
}

/**
 * The per-(hotkey, subnet) share pool the runtime keeps stake in: `TotalHotkeyAlpha` is the pool's alpha
 * value, `TotalHotkeyShares` the total shares and `Alpha(hotkey, coldkey, netuid)` each coldkey's shares
 * (U64F64). A coldkey's stake is `TotalHotkeyAlpha / TotalHotkeyShares * shares`, so emission credited
 * to the whole pool (validator dividends) raises every nominator's stake without touching their shares.
 */
export class AlphaSharePool {
  constructor(
    private readonly storage: Storage,
    private readonly hotkey: string,
    private readonly netuid: number,
  ) {}

  /** Alpha (rao) the coldkey holds through this hotkey on this subnet; 0 when it holds no shares. */
  stakeOf(coldkey: string): bigint {
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
    return this.storage.get<FixedBits>(SUBTENSOR, 'totalHotkeyShares', this.hotkey, this.netuid).bits.toBigInt();
  }

  private shareBits(coldkey: string): bigint {
    return this.storage.get<FixedBits>(SUBTENSOR, 'alpha', this.hotkey, coldkey, this.netuid).bits.toBigInt();
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
    if (bits === 0n) {
      remove(this.storage, 'alpha', this.hotkey, coldkey, this.netuid);
    } else {
      write(this.storage, 'alpha', [this.hotkey, coldkey, this.netuid], { bits });
    }
  }

  private setDenominator(bits: bigint): void {
    if (bits === 0n) {
      remove(this.storage, 'totalHotkeyShares', this.hotkey, this.netuid);
    } else {
      write(this.storage, 'totalHotkeyShares', [this.hotkey, this.netuid], { bits });
    }
  }
}
