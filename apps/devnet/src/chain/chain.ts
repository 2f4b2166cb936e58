import type { DecodedExtrinsic } from '../extrinsic/decoded-extrinsic';
import type { CheckedTransaction, TransactionValidator } from '../extrinsic/validator';
import type { RuntimeMetadata } from '../runtime/runtime-metadata';
import type { BlockState, Hex } from '../state/block-state';
import { Storage } from '../state/storage';
import type { BuiltBlock, BlockBuilder } from './block-builder';
import type { BlockRecord, StoredBlock } from './block-record';
import { TransactionPool } from './transaction-pool';

const NO_CHANGES: ReadonlyMap<Hex, Hex | null> = new Map();

/** The block is known but its state was pruned ("State already discarded" on a real pruned node). */
export class StateDiscardedError extends Error {
  readonly code = 'TAONODE_DEVNET_STATE_DISCARDED';

  constructor(readonly hash: Hex) {
    super(`State already discarded for ${hash}`);
  }
}

/** No block with this hash exists on the chain. */
export class UnknownBlockError extends Error {
  readonly code = 'TAONODE_DEVNET_UNKNOWN_BLOCK';

  constructor(readonly hash: Hex) {
    super(`Header was not found in the database: ${hash}`);
  }
}

export interface ChainOptions {
  /** How many blocks behind best the finalized head trails (0 = instant finality). */
  readonly finalityLag: number;
  /** How many of the most recent blocks keep their state for `at` queries (a pruned node keeps 256). */
  readonly stateRetention: number;
  /**
   * How many of the most recent blocks keep header and body (`chain_getHeader`/`getBlock` answer null beyond
   * them, as with `--blocks-pruning`); their hashes stay known. Bounds memory when 250 ms blocks run for days.
   */
  readonly blockRetention: number;
  /** Delay between a block's `inBlock` notifications and its `finalized` ones (ms); see subtensor.md §4.2 item 5. */
  readonly finalityDelayMs: number;
}

export interface ChainListener {
  /** A new best block, after the pool reported `inBlock` for its transactions. */
  onNewBest?(block: BlockRecord): void;
  /** A newly finalized block (called once per block, in order). */
  onFinalized?(block: BlockRecord): void;
}

/**
 * A single-authority chain without forks: blocks by hash and number, the state after each retained block,
 * best and finalized heads, the transaction pool, and serialized block production.
 */
export class Chain {
  readonly pool: TransactionPool;
  private readonly blocks = new Map<Hex, StoredBlock>();
  private readonly canonical: Hex[] = [];
  private readonly listeners = new Set<ChainListener>();
  private finalizedNumber = 0;
  private production: Promise<unknown> = Promise.resolve();
  private readonly pendingFinality = new Set<NodeJS.Timeout>();

  constructor(
    readonly runtime: RuntimeMetadata,
    private readonly builder: BlockBuilder,
    private readonly validator: TransactionValidator,
    genesis: { readonly block: BlockRecord; readonly state: BlockState },
    private readonly options: ChainOptions,
  ) {
    this.store(genesis.block, genesis.state);
    this.pool = new TransactionPool((decoded) => this.validateAtBest(decoded));
  }

  get genesisHash(): Hex {
    return this.hashAt(0) as Hex;
  }

  get best(): BlockRecord {
    return this.blockAt(this.canonical.length - 1) as BlockRecord;
  }

  get finalized(): BlockRecord {
    return this.blockAt(this.finalizedNumber) as BlockRecord;
  }

  subscribe(listener: ChainListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  hashAt(number: number): Hex | undefined {
    return this.canonical[number];
  }

  blockAt(number: number): BlockRecord | undefined {
    const hash = this.canonical[number];
    return hash === undefined ? undefined : this.blocks.get(hash);
  }

  block(hash: Hex): BlockRecord | undefined {
    return this.blocks.get(hash);
  }

  /** The state after block `hash` (best when omitted); throws for unknown or pruned blocks. */
  stateAt(hash?: Hex): BlockState {
    const block = this.blocks.get(hash ?? this.best.hash);
    if (!block) {
      throw new UnknownBlockError(hash ?? '0x');
    }
    if (!block.state) {
      throw new StateDiscardedError(block.hash);
    }
    return block.state;
  }

  /** A fresh read/write view over the state after block `hash` (writes go nowhere). */
  storageAt(hash?: Hex): Storage {
    return new Storage(this.runtime, this.stateAt(hash));
  }

  /**
   * Builds `count` blocks one after another from the ready pool. Calls are serialized, so concurrent
   * `dev_newBlock` and timer ticks never build on the same parent twice.
   */
  produceBlocks(count = 1): Promise<BlockRecord[]> {
    const run = this.production.then(async () => {
      const produced: BlockRecord[] = [];
      for (let index = 0; index < count; index += 1) {
        produced.push(await this.produceOne());
      }
      return produced;
    });
    this.production = run.catch(() => undefined);
    return run;
  }

  /** Waits for running production and cancels pending finality notifications. */
  async close(): Promise<void> {
    await this.production;
    for (const timer of this.pendingFinality) {
      clearTimeout(timer);
    }
    this.pendingFinality.clear();
    this.listeners.clear();
  }

  private async produceOne(): Promise<BlockRecord> {
    const parent = this.best;
    const built: BuiltBlock = await this.builder.build({
      parent,
      parentState: this.stateAt(parent.hash),
      candidates: this.pool.readyForBlock(),
      now: Date.now(),
    });
    this.store(built.block, built.state);
    // Storage and head notifications go out before `inBlock`, so a client reacting to `inBlock` already
    // reads the new state (the Chopsticks stale-nonce quirk, subtensor.md "quirks" item 4).
    for (const listener of this.listeners) {
      listener.onNewBest?.(built.block);
    }
    this.pool.onBlock(built.block.hash, built.included, built.excluded);
    this.scheduleFinality(built.block.number);
    return built.block;
  }

  private scheduleFinality(bestNumber: number): void {
    const target = Math.max(0, bestNumber - this.options.finalityLag);
    const timer = setTimeout(() => {
      this.pendingFinality.delete(timer);
      while (this.finalizedNumber < target) {
        this.finalizedNumber += 1;
        const block = this.blockAt(this.finalizedNumber);
        if (!block) {
          return;
        }
        for (const listener of this.listeners) {
          listener.onFinalized?.(block);
        }
        this.pool.onFinalized(block.hash);
      }
    }, this.options.finalityDelayMs);
    this.pendingFinality.add(timer);
  }

  private store(block: BlockRecord, state: BlockState): void {
    this.blocks.set(block.hash, { ...block, state });
    this.canonical[block.number] = block.hash;
    const pruned = this.canonical[block.number - this.options.stateRetention];
    const prunedBlock = pruned === undefined ? undefined : this.blocks.get(pruned);
    if (prunedBlock && prunedBlock.number > 0) {
      // Pruned blocks keep header and body only: their state and change set are what costs memory.
      this.blocks.set(prunedBlock.hash, { ...prunedBlock, state: undefined, changes: NO_CHANGES });
    }
    const forgotten = this.canonical[block.number - Math.max(this.options.blockRetention, this.options.stateRetention)];
    if (forgotten !== undefined && forgotten !== this.canonical[0]) {
      this.blocks.delete(forgotten);
    }
  }

  /**
   * The pool's check, run as `validate_transaction` does: on a scratch view of the best state with
   * `System::initialize` of the next block applied (number + 1, `BlockHash(best)` known).
   */
  private validateAtBest(decoded: DecodedExtrinsic): CheckedTransaction {
    const best = this.best;
    const storage = this.storageAt(best.hash);
    storage.set('system', 'number', [], best.number + 1);
    storage.set('system', 'blockHash', [best.number], best.hash);
    return this.validator.check(decoded, { storage, currentBlock: best.number + 1 }, 'validate');
  }
}
