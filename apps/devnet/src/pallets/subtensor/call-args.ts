import type { bool, Bytes, Vec } from '@polkadot/types';
import type { Codec, INumber } from '@polkadot/types/types';

type Args = Readonly<Record<string, Codec>>;

/**
 * Reads a decoded call argument. Names are given in camelCase (`amountStaked`); `Call.argsEntries` keys them
 * by the metadata's snake_case (`amount_staked`), so both spellings are accepted. A missing name is a bug in
 * the call table.
 */
export function arg<T extends Codec>(args: Args, name: string): T {
  const value = args[name] ?? args[name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
  if (value === undefined) {
    throw new Error(`call argument ${name} missing`);
  }
  return value as T;
}

export function argNumber(args: Args, name: string): number {
  return arg<INumber>(args, name).toNumber();
}

export function argBigInt(args: Args, name: string): bigint {
  return arg<INumber>(args, name).toBigInt();
}

export function argBool(args: Args, name: string): boolean {
  return arg<bool>(args, name).isTrue;
}

export function argAccount(args: Args, name: string): string {
  return arg(args, name).toString();
}

export function argHex(args: Args, name: string): `0x${string}` {
  return arg(args, name).toHex();
}

export function argNumbers(args: Args, name: string): number[] {
  return [...arg<Vec<INumber>>(args, name)].map((value) => value.toNumber());
}

export function argBytes(args: Args, name: string): Uint8Array {
  return arg<Bytes>(args, name).toU8a(true);
}
