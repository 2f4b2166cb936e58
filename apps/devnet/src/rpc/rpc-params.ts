import { isHex } from '@polkadot/util';
import type { Hex } from '../state/block-state';
import { invalidParams } from './rpc-error';

/** Positional parameter `index`, or undefined when absent or null (substrate's `Option<T>` params). */
export function optional(params: readonly unknown[], index: number): unknown {
  const value = params[index];
  return value === null ? undefined : value;
}

export function hexParam(params: readonly unknown[], index: number, name: string): Hex {
  const value = params[index];
  if (typeof value !== 'string' || !isHex(value)) {
    throw invalidParams(`${name}: expected a 0x-prefixed hex string`);
  }
  return value.toLowerCase() as Hex;
}

export function optionalHexParam(params: readonly unknown[], index: number, name: string): Hex | undefined {
  return optional(params, index) === undefined ? undefined : hexParam(params, index, name);
}

/** A 32-byte block hash parameter, when present. */
export function optionalBlockHash(params: readonly unknown[], index: number): Hex | undefined {
  const hash = optionalHexParam(params, index, 'hash');
  if (hash !== undefined && hash.length !== 66) {
    throw invalidParams('hash: expected 32 bytes');
  }
  return hash;
}

export function stringParam(params: readonly unknown[], index: number, name: string): string {
  const value = params[index];
  if (typeof value !== 'string') {
    throw invalidParams(`${name}: expected a string`);
  }
  return value;
}

/** A number given as a JSON number or a (hex or decimal) string, as substrate's `NumberOrHex` accepts. */
export function numberParam(params: readonly unknown[], index: number, name: string): number {
  const value = params[index];
  const parsed = typeof value === 'string' ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed) || parsed < 0) {
    throw invalidParams(`${name}: expected a non-negative integer`);
  }
  return parsed;
}

export function hexListParam(params: readonly unknown[], index: number, name: string): Hex[] {
  const value = params[index];
  if (!Array.isArray(value)) {
    throw invalidParams(`${name}: expected an array of hex strings`);
  }
  return value.map((_, position) => hexParam(value as unknown[], position, `${name}[${position}]`));
}
