import type { Codec } from '@polkadot/types/types';
import type { Storage } from '../state/storage';
import type { CallHandler, CallInvocation } from './dispatch-context';

export type DispatchClassName = 'Normal' | 'Operational' | 'Mandatory';
export type Pays = 'Yes' | 'No';
export type CallArgs = Readonly<Record<string, Codec>>;

/** A call's `#[pallet::weight]`: `refTime` in picoseconds of the reference machine, the proof size and the class. */
export interface WeightDeclaration {
  readonly refTime: bigint;
  readonly proofSize: bigint;
  readonly class: DispatchClassName;
}

/** A call's declared `DispatchInfo`, every field resolved: what fees, `CheckWeight` and `CheckNonce` read. */
export interface ResolvedDispatchInfo extends WeightDeclaration {
  readonly pays: Pays;
}

/** Resolves the declared info of a call nested inside another (sudo, utility add their overhead to it). */
export type NestedWeigher = (call: CallInvocation) => ResolvedDispatchInfo;

/** A fixed weight, or one computed from the arguments (remarks by length, sudo/batches from their calls). */
export type CallWeight = WeightDeclaration | ((args: CallArgs, nested: NestedWeigher) => WeightDeclaration);

/** Where the pool-time checks of a call run: the state at the best block and the transaction's signer. */
export interface ValidityEnvironment {
  readonly storage: Storage;
  readonly signer: string;
  /** `System::block_number()` while validating: the block the transaction would go into. */
  readonly blockNumber: number;
  /** What the served metadata says about the runtime (which transaction extension it has). */
  readonly features: RuntimeFeatures;
}

/**
 * The runtime's call-specific validity rule (subtensor's signed/transaction extension): `undefined` when the
 * call may enter the pool, else the `u8` of `InvalidTransaction::Custom(n)`.
 */
export type CallValidity = (environment: ValidityEnvironment, args: CallArgs) => number | undefined;

/** What the served metadata says about the runtime, for rules that changed between runtimes. */
export interface RuntimeFeatures {
  /**
   * The metadata lists `SubtensorTransactionExtension` (spec 424) instead of `SubtensorSignedExtension`
   * (spec 233): the runtime generation in which staking and registration calls pay fees.
   */
  readonly subtensorTransactionExtension: boolean;
}

/** A call's fee rule: fixed, or decided by the served runtime's features. */
export type FeeRule = Pays | ((features: RuntimeFeatures) => Pays);

/** For calls no transaction extension looks at: the generic checks (nonce, weight, fees) are all they get. */
export const NO_CUSTOM_VALIDITY: CallValidity = () => undefined;

/**
 * Everything the devnet knows about one call, in one place. Every field is required, so a call missing its
 * weight, fee rule, validity rule, errors or handler does not compile.
 */
export interface CallDefinition {
  /** The pallet as decorated by @polkadot/api (`subtensorModule`), which is how errors and events name it. */
  readonly pallet: string;
  /** The call's name in the metadata (`set_weights`): a call the served metadata lacks is not offered. */
  readonly name: string;
  readonly weight: CallWeight;
  /**
   * `Pays::No` calls charge no fee, and subtensor's CheckNonce lets a signer without providers (a hotkey with
   * no balance) submit them.
   */
  readonly pays: FeeRule;
  readonly validate: CallValidity;
  /** The errors of `pallet` that `dispatch` can fail with, by their metadata names. */
  readonly errors: readonly string[];
  readonly dispatch: CallHandler;
}

/** Declares a call; the literal types of pallet and name are kept so registries can be keyed by them. */
export function defineCall<const Definition extends CallDefinition>(definition: Definition): Definition {
  return definition;
}

/** RocksDbWeight, as the metadata's `System.DbWeight` constant gives it: read 25 µs, write 100 µs. */
const DB_READ = 25_000_000n;
const DB_WRITE = 100_000_000n;

/** `base + reads × DbWeight::read + writes × DbWeight::write`, as `#[pallet::weight]` attributes write it. */
export function dbWeight(base: bigint, reads: number, writes: number): bigint {
  return base + BigInt(reads) * DB_READ + BigInt(writes) * DB_WRITE;
}

/** A weight declaration of class Normal (the default of `#[pallet::weight]`) unless told otherwise. */
export function weighs(
  refTime: bigint,
  options: { readonly proofSize?: bigint; readonly class?: DispatchClassName } = {},
): WeightDeclaration {
  return { refTime, proofSize: options.proofSize ?? 0n, class: options.class ?? 'Normal' };
}
