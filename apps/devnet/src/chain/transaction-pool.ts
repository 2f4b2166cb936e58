import type { DecodedExtrinsic } from '../extrinsic/decoded-extrinsic';
import { InvalidTransactionError, UnknownTransactionError } from '../extrinsic/transaction-validity';
import { nonceTag, type CheckedTransaction } from '../extrinsic/validator';
import type { Hex } from '../state/block-state';
import { isFinalStatus, type TransactionStatus } from './transaction-status';

/** The same transaction is already in the pool (JSON-RPC 1013). */
export class AlreadyImportedError extends Error {
  readonly code = 'TAONODE_DEVNET_ALREADY_IMPORTED';

  constructor(readonly hash: Hex) {
    super('Transaction Already Imported');
  }
}

/** Another transaction already provides the same (signer, nonce) tag (JSON-RPC 1014). */
export class TooLowPriorityError extends Error {
  readonly code = 'TAONODE_DEVNET_TOO_LOW_PRIORITY';

  constructor() {
    super('Priority is too low: (0 vs 0)');
  }
}

type StatusListener = (status: TransactionStatus) => void;

interface PoolEntry {
  readonly decoded: DecodedExtrinsic;
  checked: CheckedTransaction;
  isReady: boolean;
  readonly sequence: number;
  readonly listeners: Set<StatusListener>;
}

/** Validates a transaction against the current best block (the pool's view). */
export type PoolValidator = (decoded: DecodedExtrinsic) => CheckedTransaction;

/**
 * The transaction pool of a single authoring node, with substrate's tag model: each transaction provides
 * `(signer, nonce)` and, when its nonce is ahead of the account's, requires `(signer, nonce − 1)`. It is
 * `ready` when what it requires is provided by the chain or by a ready transaction, `future` otherwise.
 * After every block the pool is revalidated at the new best block: stale or expired transactions leave as
 * `invalid`, future ones whose predecessor landed become `ready`.
 */
export class TransactionPool {
  private readonly entries = new Map<Hex, PoolEntry>();
  /** Pooled transactions by the (signer, nonce) tag they provide; a tag is fixed for a transaction's life. */
  private readonly byTag = new Map<string, PoolEntry>();
  private readonly awaitingFinality = new Map<Hex, PoolEntry[]>();
  private sequence = 0;

  constructor(private readonly validate: PoolValidator) {}

  get size(): number {
    return this.entries.size;
  }

  /** Validates and pools `decoded`; throws the validity error the RPC reports. Returns its first status. */
  submit(decoded: DecodedExtrinsic, listener?: StatusListener): TransactionStatus {
    if (this.entries.has(decoded.hash)) {
      throw new AlreadyImportedError(decoded.hash);
    }
    const checked = this.validate(decoded);
    if (this.providerOf(checked.provides)) {
      throw new TooLowPriorityError();
    }
    const entry: PoolEntry = {
      decoded,
      checked,
      isReady: false,
      sequence: (this.sequence += 1),
      listeners: new Set(listener ? [listener] : []),
    };
    this.entries.set(decoded.hash, entry);
    this.byTag.set(checked.provides, entry);
    this.refreshReadiness(entry);
    const status = entry.isReady ? 'ready' : 'future';
    this.notify(entry, status);
    if (entry.isReady) {
      this.promoteDependents(entry);
    }
    return status;
  }

  /** Stops reporting statuses of `hash` to `listener` (author_unwatchExtrinsic, closed socket). */
  unwatch(hash: Hex, listener: StatusListener): void {
    this.entries.get(hash)?.listeners.delete(listener);
    for (const waiting of this.awaitingFinality.values()) {
      for (const entry of waiting) {
        if (entry.decoded.hash === hash) {
          entry.listeners.delete(listener);
        }
      }
    }
  }

  /** Ready transactions in inclusion order: by first submission, each signer's in nonce order. */
  readyForBlock(): DecodedExtrinsic[] {
    const ready = [...this.entries.values()].filter((entry) => entry.isReady);
    ready.sort((a, b) => a.sequence - b.sequence);
    const bySigner = new Map<string, PoolEntry[]>();
    for (const entry of ready) {
      const list = bySigner.get(entry.checked.signer) ?? [];
      list.push(entry);
      bySigner.set(entry.checked.signer, list);
    }
    const ordered: DecodedExtrinsic[] = [];
    for (const list of bySigner.values()) {
      list.sort((a, b) => a.checked.signed.nonce - b.checked.signed.nonce);
      ordered.push(...list.map((entry) => entry.decoded));
    }
    return ordered;
  }

  /** Every pooled transaction's bytes (author_pendingExtrinsics). */
  pending(): Hex[] {
    return [...this.entries.values()].map((entry) => entry.decoded.hex);
  }

  /** The account's next usable nonce counting its pooled transactions (system_accountNextIndex). */
  nextNonce(signer: string, accountNonce: number): number {
    let next = accountNonce;
    for (;;) {
      const tagged = this.providerOf(nonceTag(signer, next));
      if (!tagged) {
        return next;
      }
      next += 1;
    }
  }

  /**
   * Records a new best block: included transactions report `inBlock` and wait for finality, excluded ones
   * report `invalid` (or stay `future`), and the rest are revalidated at the new best block.
   */
  onBlock(
    blockHash: Hex,
    included: readonly DecodedExtrinsic[],
    excluded: readonly { extrinsic: DecodedExtrinsic; error: Error }[],
  ): void {
    const landed: PoolEntry[] = [];
    for (const decoded of included) {
      const entry = this.entries.get(decoded.hash);
      if (entry) {
        this.remove(entry);
        this.notify(entry, { inBlock: blockHash });
        landed.push(entry);
      }
    }
    this.awaitingFinality.set(blockHash, landed);
    for (const { extrinsic, error } of excluded) {
      const entry = this.entries.get(extrinsic.hash);
      if (entry && !(error instanceof InvalidTransactionError && error.kind === 'Future')) {
        this.drop(entry, 'invalid');
      }
    }
    this.revalidate();
  }

  /** Reports `finalized` to the watchers of every transaction included in `blockHash`. */
  onFinalized(blockHash: Hex): void {
    const landed = this.awaitingFinality.get(blockHash);
    this.awaitingFinality.delete(blockHash);
    for (const entry of landed ?? []) {
      this.notify(entry, { finalized: blockHash });
    }
  }

  private revalidate(): void {
    const entries = [...this.entries.values()].sort((a, b) => a.sequence - b.sequence);
    for (const entry of entries) {
      try {
        entry.checked = this.validate(entry.decoded);
        if (entry.checked.longevity <= 0) {
          this.drop(entry, 'invalid');
        }
      } catch (error) {
        if (error instanceof InvalidTransactionError || error instanceof UnknownTransactionError) {
          this.drop(entry, 'invalid');
          continue;
        }
        throw error;
      }
    }
    for (const entry of [...this.entries.values()].sort((a, b) => a.checked.signed.nonce - b.checked.signed.nonce)) {
      const wasReady = entry.isReady;
      this.refreshReadiness(entry);
      if (entry.isReady && !wasReady) {
        this.notify(entry, 'ready');
      }
    }
  }

  /** Makes ready the future transactions waiting (directly or in a chain) for what `entry` provides. */
  private promoteDependents(entry: PoolEntry): void {
    let provider = entry;
    let next = this.providerOf(nonceTag(provider.checked.signer, provider.checked.signed.nonce + 1));
    while (next && !next.isReady && next.checked.requires === provider.checked.provides) {
      next.isReady = true;
      this.notify(next, 'ready');
      provider = next;
      next = this.providerOf(nonceTag(provider.checked.signer, provider.checked.signed.nonce + 1));
    }
  }

  private refreshReadiness(entry: PoolEntry): void {
    const requires = entry.checked.requires;
    entry.isReady = requires === undefined || this.providerOf(requires)?.isReady === true;
  }

  private providerOf(tag: string): PoolEntry | undefined {
    return this.byTag.get(tag);
  }

  private remove(entry: PoolEntry): void {
    this.entries.delete(entry.decoded.hash);
    if (this.byTag.get(entry.checked.provides) === entry) {
      this.byTag.delete(entry.checked.provides);
    }
  }

  private drop(entry: PoolEntry, status: 'invalid' | 'dropped'): void {
    this.remove(entry);
    this.notify(entry, status);
  }

  private notify(entry: PoolEntry, status: TransactionStatus): void {
    for (const listener of entry.listeners) {
      listener(status);
    }
    if (isFinalStatus(status)) {
      entry.listeners.clear();
    }
  }
}
