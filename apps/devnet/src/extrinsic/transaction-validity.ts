/** `sp_runtime::InvalidTransaction` variants the devnet can reject a transaction with. */
export type InvalidTransactionKind =
  | 'Call'
  | 'Payment'
  | 'Future'
  | 'Stale'
  | 'BadProof'
  | 'AncientBirthBlock'
  | 'ExhaustsResources'
  | 'BadSigner'
  | 'Custom';

/** `sp_runtime::UnknownTransaction` variants. */
export type UnknownTransactionKind = 'CannotLookup' | 'NoUnsignedValidator';

/** The `&'static str` substrate turns each variant into; the node puts it in the JSON-RPC error's `data`. */
const INVALID_MESSAGES: Readonly<Record<InvalidTransactionKind, string>> = {
  Call: 'Transaction call is not expected',
  Payment: 'Inability to pay some fees (e.g. account balance too low)',
  Future: 'Transaction will be valid in the future',
  Stale: 'Transaction is outdated',
  BadProof: 'Transaction has a bad signature',
  AncientBirthBlock: 'Transaction has an ancient birth block',
  ExhaustsResources: 'Transaction would exhaust the block limits',
  BadSigner: 'Invalid signing address',
  Custom: 'InvalidTransaction custom error',
};

/** A transaction the runtime's validity checks reject (`TransactionValidityError::Invalid`). */
export class InvalidTransactionError extends Error {
  readonly code = 'TAONODE_DEVNET_INVALID_TRANSACTION';

  constructor(
    readonly kind: InvalidTransactionKind,
    /** The `u8` of `InvalidTransaction::Custom(n)` (subtensor's `CustomTransactionError` codes). */
    readonly customCode?: number,
  ) {
    super(INVALID_MESSAGES[kind]);
  }

  /** What substrate's author RPC puts in the error's `data`: the variant's text, or "Custom error: n". */
  get rpcData(): string {
    return this.kind === 'Custom' ? `Custom error: ${this.customCode ?? 0}` : this.message;
  }
}

/** A transaction whose validity cannot be determined (`TransactionValidityError::Unknown`). */
export class UnknownTransactionError extends Error {
  readonly code = 'TAONODE_DEVNET_UNKNOWN_TRANSACTION';

  constructor(readonly kind: UnknownTransactionKind) {
    super(kind);
  }
}

/** Bytes that do not decode as an extrinsic of this runtime. */
export class BadExtrinsicFormatError extends Error {
  readonly code = 'TAONODE_DEVNET_BAD_EXTRINSIC_FORMAT';
}
