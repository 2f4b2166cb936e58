import type { Codec } from '@polkadot/types/types';
import type { Storage } from '../state/storage';
import type { CallDefinition } from './call-definition';

/**
 * A failed dispatch, named as in the metadata's error enum of `pallet` (decorated camelCase pallet name,
 * PascalCase error name: `new DispatchError('subtensorModule', 'SettingWeightsTooFast')`). The block builder
 * turns it into `System.ExtrinsicFailed` with `DispatchError::Module { index, error: [i, 0, 0, 0] }`
 * so that `registry.findMetaError` names it on the client.
 */
export class DispatchError extends Error {
  constructor(
    readonly pallet: string,
    readonly errorName: string,
  ) {
    super(`${pallet}.${errorName}`);
  }
}

/** `DispatchError::BadOrigin` and the other non-module variants the runtime can fail with. */
export class OtherDispatchError extends Error {
  constructor(readonly variant: 'BadOrigin' | 'CannotLookup' | 'Other') {
    super(variant);
  }
}

/** `DispatchError::Token(..)`: what `fungible` balance operations fail with (e.g. `FundsUnavailable`). */
export class TokenDispatchError extends Error {
  constructor(
    readonly variant:
      | 'FundsUnavailable'
      | 'OnlyProvider'
      | 'BelowMinimum'
      | 'CannotCreate'
      | 'UnknownAsset'
      | 'Frozen'
      | 'Unsupported'
      | 'CannotCreateHold'
      | 'NotExpendable'
      | 'Blocked',
  ) {
    super(`Token.${variant}`);
  }
}

/** `DispatchError::Arithmetic(..)`. */
export class ArithmeticDispatchError extends Error {
  constructor(readonly variant: 'Underflow' | 'Overflow' | 'DivisionByZero') {
    super(`Arithmetic.${variant}`);
  }
}

/** Who dispatches a call: a signed account, or root (sudo). */
export type Origin = { readonly kind: 'signed'; readonly account: string } | { readonly kind: 'root' };

/** What a call handler gets: the block's storage view and a way to emit events. */
export interface DispatchContext {
  readonly storage: Storage;
  readonly origin: Origin;
  /** Number of the block being built. */
  readonly blockNumber: number;
  /**
   * Emits `pallet.event` (decorated camelCase pallet, PascalCase event) with its fields in declaration
   * order, each anything `registry.createType` accepts for that field's type.
   */
  deposit(pallet: string, event: string, fields: readonly unknown[]): void;
  /**
   * Dispatches a nested call (sudo, utility) with another origin, in its own storage layer as FRAME does:
   * if it fails, its writes and events are discarded and its error is rethrown to the caller.
   */
  dispatchNested(call: CallInvocation, origin: Origin): void;
}

/**
 * A decoded call: section/method as decorated (`subtensorModule`, `setWeights`) and its arguments keyed by
 * the metadata's (snake_case) names, as `Call.argsEntries` gives them (`version_key`, `new_free`).
 */
export interface CallInvocation {
  readonly section: string;
  readonly method: string;
  readonly args: Readonly<Record<string, Codec>>;
}

/**
 * What a call may report after running, like FRAME's `PostDispatchInfo`: `paysFee: 'No'` refunds the fee
 * (sudo does this), `actualRefTime` lowers the weight that is charged. Returning nothing means "as declared".
 */
export interface PostDispatchInfo {
  readonly actualRefTime?: bigint;
  readonly paysFee?: 'Yes' | 'No';
}

export type CallHandler = (
  context: DispatchContext,
  args: Readonly<Record<string, Codec>>,
) => PostDispatchInfo | undefined | void;

/** The calls one pallet implements, each declared once (dispatch, weight, fee rule, validity, errors). */
export interface PalletModule {
  readonly name: string;
  readonly calls: readonly CallDefinition[];
  /** Runs at the start of every block, before extrinsics (e.g. the subtensor epoch). */
  onInitialize?(context: BlockHookContext): void;
}

export interface BlockHookContext {
  readonly storage: Storage;
  readonly blockNumber: number;
  deposit(pallet: string, event: string, fields: readonly unknown[]): void;
}

/** One runtime API method served through `state_call`: SCALE arguments in, SCALE result out. */
export type RuntimeApiMethod = (storage: Storage, args: Uint8Array) => Uint8Array;

/** A runtime API trait (`NeuronInfoRuntimeApi`) with its methods by snake_case name and its version. */
export interface RuntimeApiModule {
  readonly trait: string;
  readonly version: number;
  readonly methods: Readonly<Record<string, RuntimeApiMethod>>;
}

export function signedAccount(origin: Origin): string {
  switch (origin.kind) {
    case 'signed':
      return origin.account;
    case 'root':
      throw new OtherDispatchError('BadOrigin');
  }
}

export function ensureRoot(origin: Origin): void {
  if (origin.kind !== 'root') {
    throw new OtherDispatchError('BadOrigin');
  }
}
