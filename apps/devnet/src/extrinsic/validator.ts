import type { Codec } from '@polkadot/types/types';
import { decodeAddress } from '@polkadot/util-crypto';
import { readAccount } from '../pallets/balances/account-info';
import { BalancesLedger } from '../pallets/balances/balances-ledger';
import type { ResolvedDispatchInfo } from '../runtime/call-definition';
import type { CallRegistry } from '../runtime/call-registry';
import { constant } from '../runtime/runtime-constants';
import type { RuntimeMetadata } from '../runtime/runtime-metadata';
import type { RuntimeVersionInfo } from '../runtime/runtime-version';
import type { Hex } from '../state/block-state';
import type { Storage } from '../state/storage';
import { eraBirth, eraDeath, type DecodedExtrinsic, type SignedPart } from './decoded-extrinsic';
import type { FeeCalculator } from './fees';
import { hasValidSignature, signingPayload } from './signing-payload';
import { InvalidTransactionError, UnknownTransactionError } from './transaction-validity';

/** Where a check runs: the state with `System::block_number()` = `currentBlock` and its `BlockHash` map. */
export interface CheckEnvironment {
  readonly storage: Storage;
  readonly currentBlock: number;
}

/**
 * `validate`: the pool's check at the best block (a future nonce is allowed and becomes a `requires` tag).
 * `apply`: the block builder's pre-dispatch check (the nonce must be exactly the account's).
 */
export type CheckMode = 'validate' | 'apply';

/** A transaction that passed the checks, with what the pool and the fee logic need. */
export interface CheckedTransaction {
  readonly signer: string;
  readonly signed: SignedPart;
  readonly info: ResolvedDispatchInfo;
  readonly fee: bigint;
  /** Tag this transaction provides: its (signer, nonce). */
  readonly provides: string;
  /** Tag it requires: (signer, nonce − 1) when its nonce is ahead of the account's. */
  readonly requires: string | undefined;
  /** Blocks after `currentBlock` the transaction stays valid for (its era's death). */
  readonly longevity: number;
}

/** Tag of the transaction with `nonce` from `signer`, as CheckNonce's `provides`/`requires`. */
export const nonceTag = (signer: string, nonce: number): string => `${signer}/${nonce}`;

/**
 * The validity checks of the spec-224 signed extensions, in the runtime's order: decode-time lookup of the
 * signer; the implicit data of CheckSpecVersion/CheckTxVersion/CheckGenesis/CheckMortality (a birth block no
 * longer in `BlockHash` is `AncientBirthBlock`); the signature over the payload they make up (wrong spec,
 * genesis or an expired era all end here as `BadProof`, as on the real chain); CheckNonZeroSender;
 * subtensor's CheckNonce (no provider → `Payment` for paying calls only; `Stale`, and `Future` when applying); CheckWeight; ChargeTransactionPayment (`Payment`);
 * SubtensorSignedExtension (`Custom(n)`: the call definition's validity rule).
 */
export class TransactionValidator {
  /** Signatures already verified, keyed by extrinsic hash and the payload's implicit data. */
  private readonly verified = new Set<string>();

  constructor(
    private readonly runtime: RuntimeMetadata,
    private readonly version: RuntimeVersionInfo,
    private readonly calls: CallRegistry,
    private readonly fees: FeeCalculator,
    private readonly existentialDeposit: bigint,
  ) {}

  check(decoded: DecodedExtrinsic, environment: CheckEnvironment, mode: CheckMode): CheckedTransaction {
    const signed = decoded.signed;
    if (!signed) {
      throw new UnknownTransactionError('NoUnsignedValidator');
    }
    if (!signed.signer) {
      throw new UnknownTransactionError('CannotLookup');
    }
    const signer = signed.signer;
    this.checkSignature(decoded, signed, environment);
    if (decodeAddress(signer).every((byte) => byte === 0)) {
      throw new InvalidTransactionError('BadSigner');
    }
    if (!this.calls.find(decoded.call)) {
      throw new InvalidTransactionError('Call');
    }
    const info = this.calls.info(decoded.call);
    const account = readAccount(environment.storage, signer);
    // subtensor's own CheckNonce (runtime/src/check_nonce.rs) asks for a provider only when the call pays:
    // a fresh hotkey without balance may sign `Pays::No` calls (serve_axon, set_weights, commit/reveal).
    if (info.pays === 'Yes' && account.providers === 0 && account.sufficients === 0) {
      throw new InvalidTransactionError('Payment');
    }
    if (signed.nonce < account.nonce) {
      throw new InvalidTransactionError('Stale');
    }
    if (mode === 'apply' && signed.nonce > account.nonce) {
      throw new InvalidTransactionError('Future');
    }
    if (info.refTime + this.fees.baseExtrinsicRefTime(info.class) > this.maxExtrinsicRefTime(info.class)) {
      throw new InvalidTransactionError('ExhaustsResources');
    }
    const fee = this.fees.total(
      { length: decoded.length, callRefTime: info.refTime, class: info.class, pays: info.pays, tip: signed.tip },
      this.feeMultiplier(environment.storage),
    );
    const ledger = new BalancesLedger(environment.storage, () => undefined, this.existentialDeposit);
    if (fee > 0n && ledger.reducibleBalance(signer, 'Preserve') < fee) {
      throw new InvalidTransactionError('Payment');
    }
    const custom = this.calls.validate(environment.storage, signer, decoded.call, environment.currentBlock);
    if (custom !== undefined) {
      throw new InvalidTransactionError('Custom', custom);
    }
    return {
      signer,
      signed,
      info,
      fee,
      provides: nonceTag(signer, signed.nonce),
      requires: signed.nonce > account.nonce ? nonceTag(signer, signed.nonce - 1) : undefined,
      longevity: eraDeath(signed.era, environment.currentBlock) - environment.currentBlock,
    };
  }

  /** `TransactionPayment.NextFeeMultiplier` (FixedU128; subtensor keeps it at one). */
  feeMultiplier(storage: Storage): bigint {
    return BigInt(storage.get('transactionPayment', 'nextFeeMultiplier').toString());
  }

  private checkSignature(decoded: DecodedExtrinsic, signed: SignedPart, environment: CheckEnvironment): void {
    const genesisHash = this.blockHash(environment.storage, 0);
    const birthHash =
      signed.era.kind === 'immortal'
        ? genesisHash
        : this.blockHash(environment.storage, eraBirth(signed.era, environment.currentBlock));
    if (!genesisHash || !birthHash) {
      throw new InvalidTransactionError('AncientBirthBlock');
    }
    const implicit = {
      specVersion: this.version.specVersion,
      transactionVersion: this.version.transactionVersion,
      genesisHash,
      birthHash,
    };
    const cacheKey = `${decoded.hash}/${birthHash}/${genesisHash}`;
    if (this.verified.has(cacheKey)) {
      return;
    }
    if (!hasValidSignature(signingPayload(this.runtime.registry, decoded, implicit), decoded)) {
      throw new InvalidTransactionError('BadProof');
    }
    // Bounded: entries are only an optimisation for re-checking pooled transactions at block time.
    if (this.verified.size > 100_000) {
      this.verified.clear();
    }
    this.verified.add(cacheKey);
  }

  private blockHash(storage: Storage, number: number): Hex | undefined {
    return storage.getIfPresent<Codec>('system', 'blockHash', number)?.toHex();
  }

  private maxExtrinsicRefTime(dispatchClass: ResolvedDispatchInfo['class']): bigint {
    const weights = constant<
      Codec & { perClass: Record<string, { maxExtrinsic: { isSome: boolean; unwrap(): { refTime: Codec } } }> }
    >(this.runtime, 'system', 'blockWeights');
    const limit = weights.perClass[dispatchClass.toLowerCase()]?.maxExtrinsic;
    return limit?.isSome ? BigInt(limit.unwrap().refTime.toString()) : BigInt(Number.MAX_SAFE_INTEGER) ** 2n;
  }
}
