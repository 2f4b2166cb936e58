import type { ApiPromise, SubmittableResult } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { Call, ExtrinsicEra, Index } from '@polkadot/types/interfaces';
import type { ISubmittableResult } from '@polkadot/types/types';
import { finalizedBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { SILENT_LOGGER, type ChainLogger } from '../client/chain-logger';
import { storageEntry } from '../client/runtime-items';
import { ChainError } from '../errors/chain.error';
import type { RefusedCall } from '../errors/pool-refusal';
import { classifyTransactionRejection, toChainError } from '../errors/rpc-error.classifier';
import { withDeadline } from '../network/deadline';
import { dispatchErrorToChainError, poolRefusalError } from './dispatch-error';
import { KeypairSigner, type TransactionSigner } from './keypair-signer';
import { DEFAULT_ERA_PERIOD } from './mortal-era';
import { NonceManager } from './nonce-manager';

/** How far to follow a submission: accepted by the pool, included in a block, or finalized. */
export type WaitFor = 'pool' | 'inBlock' | 'finalized';

export interface SubmitOptions {
  /** Default `inBlock`. */
  readonly waitFor?: WaitFor;
  /** Deadline from submission to inclusion, default 60 s. */
  readonly inBlockTimeoutMs?: number;
  /** Deadline from inclusion to finality, default 120 s. */
  readonly finalizedTimeoutMs?: number;
  /** Mortality in blocks, default 128 as the SDK. */
  readonly eraPeriod?: number;
  /** How many times to resubmit after "Transaction is outdated" / "Priority is too low" / usurped, default 3. */
  readonly maxResubmissions?: number;
  /** Tip in rao. */
  readonly tip?: bigint;
  /** Names the operation in errors and logs (`set weights on subnet 1`); default `section.method`. */
  readonly what?: string;
}

/** One event emitted by the extrinsic, with its fields as JSON. */
export interface ExtrinsicEvent {
  readonly section: string;
  readonly method: string;
  readonly data: readonly unknown[];
}

export interface SubmissionResult {
  readonly txHash: `0x${string}`;
  readonly nonce: number;
  /** How far the transaction got before this resolved. */
  readonly status: WaitFor;
  readonly blockHash?: `0x${string}`;
  readonly blockNumber?: number;
  /** Events of this extrinsic (empty when only waiting for the pool). */
  readonly events: readonly ExtrinsicEvent[];
  /** Fee actually paid, in rao, from `TransactionFeePaid` (undefined when the runtime emits none). */
  readonly feeRao?: bigint;
  /** How many resubmissions it took (0 on the first try). */
  readonly resubmissions: number;
}

const DEFAULT_IN_BLOCK_TIMEOUT_MS = 60_000;
const DEFAULT_FINALIZED_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_RESUBMISSIONS = 3;

/** A pool rejection that resubmitting with a fresh nonce can cure. */
class ResubmitSignal extends Error {
  constructor(readonly rejection: ChainError) {
    super(rejection.message);
  }
}

/**
 * Signs and submits extrinsics: mortal era (birth at the finalized head, period 128 by default), locally
 * tracked nonces so concurrent submissions from one key get consecutive nonces, bounded resubmission on
 * "outdated" and "priority too low", deadlines for inclusion and finality, and dispatch failures named by
 * their pallet error. Use one submitter per client so nonces are tracked in one place.
 */
export class ExtrinsicSubmitter {
  readonly #nonces: NonceManager;
  readonly #logger: ChainLogger;
  /** Per account, the hand-off of the previous submission: nonce n+1 is sent only after nonce n reached the pool. */
  readonly #sendGates = new Map<string, Promise<void>>();

  constructor(
    private readonly client: ChainClient,
    options: { logger?: ChainLogger } = {},
  ) {
    this.#logger = options.logger ?? SILENT_LOGGER;
    this.#nonces = new NonceManager(async (address) =>
      this.client.call(`read nonce of ${address}`, async (api) => chainNextNonce(api, address)),
    );
  }

  /**
   * Signs `call` with `signer` and submits it, resolving when it reached `options.waitFor`. Fails with
   * `TAONODE_CHAIN_MODULE_ERROR` (pallet error by name) or `TAONODE_CHAIN_DISPATCH_ERROR` when included but
   * failed, `TAONODE_CHAIN_INVALID_TRANSACTION` / `TAONODE_CHAIN_TX_OUTDATED` / `TAONODE_CHAIN_PRIORITY_TOO_LOW`
   * when the pool refused it, `TAONODE_CHAIN_TX_DROPPED`, `TAONODE_CHAIN_TIMEOUT` (it may still be included
   * later) or `TAONODE_CHAIN_DISCONNECTED` (same).
   */
  async submit(
    call: SubmittableExtrinsic<'promise'>,
    signer: TransactionSigner,
    options: SubmitOptions = {},
  ): Promise<SubmissionResult> {
    const what = options.what ?? `${call.method.section}.${call.method.method}`;
    const maxResubmissions = options.maxResubmissions ?? DEFAULT_MAX_RESUBMISSIONS;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const result = await this.submitOnce(call, signer, options, what);
        return { ...result, resubmissions: attempt };
      } catch (error) {
        if (!(error instanceof ResubmitSignal)) {
          throw error;
        }
        if (attempt >= maxResubmissions) {
          throw error.rejection;
        }
        this.#logger.warn({ what, code: error.rejection.code, attempt: attempt + 1 }, 'resubmitting transaction');
      }
    }
  }

  /** Estimated fee of `call` signed by `address`, in rao (`TransactionPaymentApi.query_info` partial fee). */
  async estimateFee(call: SubmittableExtrinsic<'promise'>, address: string): Promise<bigint> {
    return this.client.call(`estimate fee of ${call.method.section}.${call.method.method}`, async () => {
      const info = await call.paymentInfo(address);
      return info.partialFee.toBigInt();
    });
  }

  private async submitOnce(
    call: SubmittableExtrinsic<'promise'>,
    signer: TransactionSigner,
    options: SubmitOptions,
    what: string,
  ): Promise<Omit<SubmissionResult, 'resubmissions'>> {
    const api = this.client.api;
    const address = signer.ss58Address;
    const leaveGate = await this.enterSendGate(address);
    try {
      const nonce = await this.#nonces.reserve(address);
      const tx = await this.sign(api, call, signer, nonce, options, what);
      return await this.watch(tx, address, nonce, options, what, leaveGate);
    } finally {
      leaveGate();
    }
  }

  /**
   * Waits for the previous submission of `address` to reach the pool (or fail), so transactions arrive in nonce
   * order: a pool that sees nonce n+1 before n may reject it instead of holding it as "future". Returns the
   * function that lets the next one go (idempotent).
   */
  private async enterSendGate(address: string): Promise<() => void> {
    const previous = this.#sendGates.get(address) ?? Promise.resolve();
    let open = (): void => undefined;
    const mine = new Promise<void>((resolve) => {
      open = resolve;
    });
    const chained = previous.then(() => mine);
    this.#sendGates.set(address, chained);
    await previous;
    let isOpen = false;
    return () => {
      if (!isOpen) {
        isOpen = true;
        open();
        if (this.#sendGates.get(address) === chained) {
          this.#sendGates.delete(address);
        }
      }
    };
  }

  private async sign(
    api: ApiPromise,
    call: SubmittableExtrinsic<'promise'>,
    signer: TransactionSigner,
    nonce: number,
    options: SubmitOptions,
    what: string,
  ): Promise<SubmittableExtrinsic<'promise'>> {
    const address = signer.ss58Address;
    try {
      const birth = await this.client.call('read finalized head', (chain) => finalizedBlock(chain));
      const era = api.registry.createType<ExtrinsicEra>('ExtrinsicEra', {
        current: birth.number,
        period: options.eraPeriod ?? DEFAULT_ERA_PERIOD,
      });
      const tx = api.tx(call.method as Call);
      await tx.signAsync(address, {
        signer: new KeypairSigner(signer),
        nonce,
        era,
        blockHash: birth.hash,
        tip: options.tip,
      });
      return tx;
    } catch (error) {
      this.#nonces.release(address, nonce);
      throw toChainError(error, `sign ${what}`);
    }
  }

  private async watch(
    tx: SubmittableExtrinsic<'promise'>,
    address: string,
    nonce: number,
    options: SubmitOptions,
    what: string,
    onSent: () => void,
  ): Promise<Omit<SubmissionResult, 'resubmissions'>> {
    const waitFor = options.waitFor ?? 'inBlock';
    const txHash = tx.hash.toHex();
    const base = { txHash, nonce };
    let unsubscribe: (() => void) | undefined;
    let stopListening = (): void => undefined;
    let resolveInBlock: (result: ISubmittableResult) => void = () => undefined;
    let resolveFinalized: (result: ISubmittableResult) => void = () => undefined;
    let fail: (error: unknown) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => {
      fail = reject;
    });
    const inBlock = new Promise<ISubmittableResult>((resolve) => {
      resolveInBlock = resolve;
    });
    const finalized = new Promise<ISubmittableResult>((resolve) => {
      resolveFinalized = resolve;
    });
    // Keep unhandled-rejection warnings away when we resolve before a failure is observed.
    failure.catch(() => undefined);

    const onStatus = (result: ISubmittableResult): void => {
      const { status } = result;
      if (status.isInBlock) {
        resolveInBlock(result);
      } else if (status.isFinalized) {
        resolveInBlock(result);
        resolveFinalized(result);
      } else if (status.isUsurped) {
        this.#nonces.resync(address);
        fail(
          new ResubmitSignal(
            new ChainError('TAONODE_CHAIN_PRIORITY_TOO_LOW', `${what}: usurped by ${status.asUsurped.toHex()}`),
          ),
        );
      } else if (status.isDropped || status.isInvalid || status.isRetracted || status.isFinalityTimeout) {
        this.#nonces.resync(address);
        fail(new ChainError('TAONODE_CHAIN_TX_DROPPED', `${what}: transaction ${txHash} ${status.type.toLowerCase()}`));
      }
    };

    try {
      try {
        unsubscribe = await this.client.call(`submit ${what}`, () => tx.send(onStatus));
      } catch (error) {
        throw this.onRejected(error, address, nonce, what, tx.method);
      } finally {
        onSent();
      }
      this.#nonces.accepted(address, nonce);
      stopListening = this.client.onConnection((event) => {
        if (event.type === 'disconnected') {
          fail(
            new ChainError(
              'TAONODE_CHAIN_DISCONNECTED',
              `${what}: connection lost while waiting for ${txHash}; it may still be included`,
            ),
          );
        }
      });
      if (waitFor === 'pool') {
        return { ...base, status: 'pool', events: [] };
      }
      const included = await withDeadline(
        Promise.race([inBlock, failure]),
        options.inBlockTimeoutMs ?? DEFAULT_IN_BLOCK_TIMEOUT_MS,
        `${what}: waiting for ${txHash} to be included`,
      );
      this.throwIfFailed(included, what);
      if (waitFor === 'inBlock' || included.status.isFinalized) {
        return this.describe(base, included, included, included.status.isFinalized ? 'finalized' : 'inBlock');
      }
      const final = await withDeadline(
        Promise.race([finalized, failure]),
        options.finalizedTimeoutMs ?? DEFAULT_FINALIZED_TIMEOUT_MS,
        `${what}: waiting for ${txHash} to be finalized`,
      );
      // The events were read at inclusion; the finalized notification repeats the block, not the events.
      return this.describe(base, final, included, 'finalized');
    } finally {
      stopListening();
      unsubscribe?.();
    }
  }

  private onRejected(error: unknown, address: string, nonce: number, what: string, call: RefusedCall): Error {
    const chainError = toChainError(error, `submit ${what}`);
    const rejection = classifyTransactionRejection(error);
    switch (rejection) {
      case 'outdated':
      case 'priority-too-low':
        // Our nonce is taken (by a transaction the chain already has, or one in the pool): ask the chain again.
        this.#nonces.resync(address);
        return new ResubmitSignal(chainError);
      case 'future':
        this.#nonces.release(address, nonce);
        this.#nonces.resync(address);
        return new ResubmitSignal(chainError);
      case 'already-imported':
        this.#nonces.accepted(address, nonce);
        return chainError;
      case 'invalid':
        this.#nonces.release(address, nonce);
        return poolRefusalError(this.client.api.registry, error, call, what) ?? chainError;
      case 'banned':
      case undefined:
        this.#nonces.release(address, nonce);
        return chainError;
    }
  }

  private throwIfFailed(result: ISubmittableResult, what: string): void {
    if (result.dispatchError !== undefined) {
      throw dispatchErrorToChainError(this.client.api.registry, result.dispatchError, what);
    }
  }

  private describe(
    base: { txHash: `0x${string}`; nonce: number },
    result: ISubmittableResult,
    included: ISubmittableResult,
    status: WaitFor,
  ): Omit<SubmissionResult, 'resubmissions'> {
    const blockHash = result.status.isInBlock
      ? result.status.asInBlock.toHex()
      : result.status.isFinalized
        ? result.status.asFinalized.toHex()
        : undefined;
    const records = result.events.length > 0 ? result.events : included.events;
    const events = records.map(({ event }) => ({
      section: event.section,
      method: event.method,
      data: event.data.map((field) => field.toJSON()),
    }));
    const feePaid = records.find(
      ({ event }) => event.section === 'transactionPayment' && event.method === 'TransactionFeePaid',
    );
    const feeField = feePaid?.event.data[1];
    return {
      ...base,
      status,
      blockHash,
      blockNumber: (
        (result as SubmittableResult).blockNumber ?? (included as SubmittableResult).blockNumber
      )?.toNumber(),
      events,
      feeRao: feeField === undefined ? undefined : BigInt(feeField.toString()),
    };
  }
}

/** The account's next nonce including the pool (`system_accountNextIndex`), or `System.Account.nonce`. */
export async function chainNextNonce(api: ApiPromise, address: string): Promise<number> {
  const rpc = api.rpc as unknown as { system?: { accountNextIndex?: (who: string) => Promise<Index> } };
  if (rpc.system?.accountNextIndex !== undefined) {
    return (await rpc.system.accountNextIndex(address)).toNumber();
  }
  const info = (await storageEntry(api, 'system', 'account')(address)) as unknown as { nonce: Index };
  return info.nonce.toNumber();
}

/** The fields of event `section.method` emitted by a submission, or undefined when it was not emitted. */
export function findEvent(
  result: Pick<SubmissionResult, 'events'>,
  section: string,
  method: string,
): readonly unknown[] | undefined {
  return result.events.find((event) => event.section === section && event.method === method)?.data;
}
