import type { TypeRegistry } from '@polkadot/types';
import type { Extrinsic } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';
import { hexToU8a, isHex, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { multiAddressId } from '../runtime/account-lookup';
import type { CallInvocation } from '../runtime/dispatch-context';
import type { Hex } from '../state/block-state';
import { BadExtrinsicFormatError } from './transaction-validity';

/** A mortal era's period and phase, or immortal. */
export type Era =
  { readonly kind: 'immortal' } | { readonly kind: 'mortal'; readonly period: number; readonly phase: number };

/** What the signed part of a v4 extrinsic carries. */
export interface SignedPart {
  /** The signer as `MultiAddress::Id` resolves it (ss58), or undefined for other address variants. */
  readonly signer: string | undefined;
  readonly nonce: number;
  readonly tip: bigint;
  readonly era: Era;
}

/** An extrinsic decoded against the runtime's registry, with what validation and dispatch need. */
export interface DecodedExtrinsic {
  readonly extrinsic: Extrinsic;
  /** SCALE bytes including the compact length prefix, as blocks and `author_submitExtrinsic` carry them. */
  readonly bytes: Uint8Array;
  readonly hex: Hex;
  /** blake2-256 of `bytes`: the transaction hash substrate reports. */
  readonly hash: Hex;
  /** Length used for fees: the whole encoding, length prefix included (`len` of `apply_extrinsic`). */
  readonly length: number;
  readonly call: CallInvocation;
  readonly signed: SignedPart | undefined;
}

/**
 * Decodes submitted bytes as a v4 extrinsic of this runtime. Bytes that do not decode, decode with trailing
 * garbage, or use another extrinsic version fail with `BadExtrinsicFormatError` (JSON-RPC 1001).
 */
export function decodeExtrinsic(registry: TypeRegistry, input: unknown): DecodedExtrinsic {
  if (typeof input !== 'string' || !isHex(input)) {
    throw new BadExtrinsicFormatError('expected a hex string');
  }
  const bytes = hexToU8a(input);
  let extrinsic: Extrinsic;
  try {
    extrinsic = registry.createType('Extrinsic', bytes);
  } catch (error) {
    throw new BadExtrinsicFormatError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const encoded = extrinsic.toU8a();
  if (encoded.length !== bytes.length || u8aToHex(encoded) !== u8aToHex(bytes)) {
    throw new BadExtrinsicFormatError('extrinsic does not re-encode to the submitted bytes');
  }
  // The version byte carries the signed flag in its top bit.
  if ((extrinsic.version & 0x7f) !== 4) {
    throw new BadExtrinsicFormatError(`unsupported extrinsic version ${extrinsic.version & 0x7f}`);
  }
  const call = callInvocation(extrinsic.method);
  return {
    extrinsic,
    bytes,
    hex: u8aToHex(bytes),
    hash: blake2AsHex(bytes, 256),
    length: bytes.length,
    call,
    signed: extrinsic.isSigned ? signedPart(extrinsic) : undefined,
  };
}

/** The section, method and named arguments of a decoded `Call`. */
export function callInvocation(method: Codec): CallInvocation {
  const call = method as unknown as { section?: string; method: string; argsEntries: [string, Codec][] };
  if (typeof call.section !== 'string') {
    throw new TypeError('value is not a Call');
  }
  return { section: call.section, method: call.method, args: Object.fromEntries(call.argsEntries) };
}

/** Builds the `CallInvocation` of a `Call` argument (what sudo and utility carry). */
export function nestedCall(codec: Codec | undefined): CallInvocation {
  if (!codec) {
    throw new TypeError('missing Call argument');
  }
  return callInvocation(codec);
}

function signedPart(extrinsic: Extrinsic): SignedPart {
  const era = extrinsic.era;
  return {
    signer: multiAddressId(extrinsic.signer),
    nonce: extrinsic.nonce.toNumber(),
    tip: BigInt(extrinsic.tip.toString()),
    era: era.isMortalEra
      ? { kind: 'mortal', period: era.asMortalEra.period.toNumber(), phase: era.asMortalEra.phase.toNumber() }
      : { kind: 'immortal' },
  };
}

/** `Era::birth`: the block whose hash a transaction valid at `current` was signed against. */
export function eraBirth(era: Era, current: number): number {
  if (era.kind === 'immortal') {
    return 0;
  }
  return Math.floor((Math.max(current, era.phase) - era.phase) / era.period) * era.period + era.phase;
}

/** `Era::death`: the first block at which the transaction is no longer valid. */
export function eraDeath(era: Era, current: number): number {
  return era.kind === 'immortal' ? Number.MAX_SAFE_INTEGER : eraBirth(era, current) + era.period;
}
