import {
  collectGeneration,
  type GenerationRequest,
  type GenerationResult,
  type TextGenerator,
} from '@taonode/synapses';
import type { ForwardResult, InferenceBackend, TokenBatch } from '../backends/inference-backend';
import type { ModelInterface } from '../backends/model-interface';
import { BYTELM } from '../bytelm/bytelm-spec';
import { emptyKvCache, gatherCache, type CacheSlot } from './kv-cache';
import { TokenChannel } from './token-channel';
import { TokenSampler } from './token-sampler';

export interface BatchingOptions {
  /** Most sequences in one forward pass. */
  readonly maxBatch: number;
  /**
   * How long waiting requests wait for another arrival before they start (milliseconds): a burst of requests that
   * arrive closer together than this starts as one prefill pass, so they decode in one group too.
   */
  readonly batchDelayMs: number;
  /** The longest a request waits for company while arrivals keep coming (default: the larger of 10 and batchDelayMs). */
  readonly maxBatchDelayMs?: number;
}

/** Default cap of the wait for company: a few batch-1 decode steps of the synthetic model. */
const DEFAULT_MAX_BATCH_DELAY_MS = 10;

/** Told about each forward pass and each token, for the app's metrics (no prom-client here). */
export interface GenerationObserver {
  forwardPass(batchSize: number, seconds: number): void;
  tokensGenerated(count: number): void;
}

interface Sequence {
  /** performance.now() when it was submitted. */
  readonly arrivedAt: number;
  readonly tokens: number[];
  /** The model's keys and values for all but the newest token; undefined before the prefill and past the window. */
  cache: CacheSlot | undefined;
  remaining: number;
  /** Set once its consumer got an error (abort or backend failure): the channel is never ended normally then. */
  failed: boolean;
  /** Removes the abort listener: a long-lived signal (one per gRPC stream, say) must not collect one per request. */
  detach: () => void;
  readonly sampler: TokenSampler;
  readonly channel: TokenChannel;
  readonly signal: AbortSignal;
}

/**
 * Iteration-level micro-batching over an {@link InferenceBackend} with a KV cache: a new request's prompt runs once
 * (prefill), then every pass advances all running sequences by one token, feeding each only its newest token and
 * its cached keys and values; new requests join at the next pass. Sequences are grouped by phase and length
 * (prefill of n tokens, decode after n cached tokens, full recompute past the context window) so a pass needs no
 * padding: onnxruntime gives a row bit-identical results whatever its batchmates, so a request's text never depends
 * on what else was running (left padding is exact only to ~1e-6, enough to flip a rare sample). A cached decode
 * step is itself only ~1e-6 from a full recompute, so every backend must run this same schedule (TritonBackend ships
 * the cache) for a validator to reproduce a miner's text exactly. A model without a cache (an operator's plain model)
 * runs the same grouping with every pass a full recompute of the last contextLength tokens: no sequence ever holds a
 * cache, so its phase stays `prefill:n` (or `window`), and a row still never meets padding.
 */
export class BatchingGenerator implements TextGenerator {
  private readonly waiting: Sequence[] = [];
  private readonly running: Sequence[] = [];
  private looping = false;
  private lastArrivalAt = 0;
  /** Ends the wait for company early (every waiting request was cancelled: nothing is left to batch). */
  private wakeEarly: (() => void) | undefined;

  constructor(
    private readonly backend: InferenceBackend,
    private readonly options: BatchingOptions,
    private readonly observer?: GenerationObserver,
  ) {}

  generate(request: GenerationRequest, signal: AbortSignal): Promise<GenerationResult> {
    return collectGeneration(this.stream(request, signal));
  }

  stream(request: GenerationRequest, signal: AbortSignal): AsyncIterable<string> {
    const sequence: Sequence = {
      arrivedAt: performance.now(),
      tokens: [...Buffer.from(request.prompt, 'utf8')],
      cache: undefined,
      remaining: request.maxTokens,
      failed: false,
      detach: () => undefined,
      sampler: new TokenSampler(request.temperature, request.seed),
      channel: new TokenChannel(),
      signal,
    };
    if (signal.aborted) {
      this.fail(sequence, signal.reason);
      return sequence.channel;
    }
    // Cancelled at once, even while the batcher waits for company or other groups run: the consumer must not
    // wait for the next pass to learn its deadline passed or its worker is stopping.
    const onAbort = (): void => this.cancel(sequence);
    signal.addEventListener('abort', onAbort, { once: true });
    sequence.detach = () => signal.removeEventListener('abort', onAbort);
    this.waiting.push(sequence);
    this.lastArrivalAt = sequence.arrivedAt;
    this.start();
    return sequence.channel;
  }

  private start(): void {
    if (!this.looping) {
      this.looping = true;
      void this.loop();
    }
  }

  /**
   * Passes until nothing is left. Waiting requests join once their burst of arrivals has settled (batchDelayMs
   * without a new one, or maxBatchDelayMs since the oldest, or enough of them to fill the batch): a sequence's group
   * is fixed by its prefill, since sequences of different cached lengths never share a pass. Running sequences keep
   * stepping meanwhile; with none running the loop sleeps until the admission is due.
   */
  private async loop(): Promise<void> {
    try {
      while (this.waiting.length > 0 || this.running.length > 0) {
        const admitIn = this.admissionDueIn();
        if (admitIn <= 0) {
          this.admit();
        } else if (this.running.length === 0) {
          await this.sleep(admitIn);
          continue;
        }
        await Promise.all([...groupByPhase(this.running).values()].map((group) => this.step(group)));
        this.retireFinished();
      }
    } finally {
      this.looping = false;
      if (this.waiting.length > 0) {
        this.start();
      }
    }
  }

  /** Milliseconds until the waiting requests are due to join (0 or less: now; Infinity: none is waiting). */
  private admissionDueIn(): number {
    const oldest = this.waiting[0];
    if (oldest === undefined) {
      return Infinity;
    }
    if (this.waiting.length >= this.options.maxBatch - this.running.length) {
      return 0;
    }
    const maxDelay = this.options.maxBatchDelayMs ?? Math.max(DEFAULT_MAX_BATCH_DELAY_MS, this.options.batchDelayMs);
    const now = performance.now();
    return Math.min(this.lastArrivalAt + this.options.batchDelayMs, oldest.arrivedAt + maxDelay) - now;
  }

  /** Waits `ms`, or less when every waiting request is cancelled (nothing is left to batch). */
  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(wake, Math.ceil(ms));
      function wake(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeEarly = wake;
    });
    this.wakeEarly = undefined;
  }

  private admit(): void {
    while (this.running.length < this.options.maxBatch) {
      const next = this.waiting.shift();
      if (next === undefined) {
        return;
      }
      this.running.push(next);
    }
  }

  private async step(group: readonly Sequence[]): Promise<void> {
    const live = group.filter((sequence) => sequence.remaining > 0);
    if (live.length === 0) {
      return;
    }
    let result: ForwardResult;
    let batch: TokenBatch;
    let started = 0n;
    try {
      batch = nextPass(live, await this.backend.modelInterface());
      started = process.hrtime.bigint();
      result = await this.backend.forward(batch);
    } catch (error) {
      for (const sequence of live) {
        this.fail(sequence, error);
      }
      return;
    }
    this.observer?.forwardPass(live.length, Number(process.hrtime.bigint() - started) / 1e9);
    const present = result.present;
    const cachedLength = batch.pastLength + batch.seqLength;
    live.forEach((sequence, row) => {
      sequence.cache =
        present === undefined ? undefined : { cache: present, batch: live.length, row, length: cachedLength };
      const token = sequence.sampler.next(result.logits, row * BYTELM.vocabSize);
      sequence.tokens.push(token);
      sequence.remaining--;
      sequence.channel.push(String.fromCharCode(token));
    });
    this.observer?.tokensGenerated(live.length);
  }

  /** A cancelled sequence (deadline passed, worker stopping) leaves the batch and its consumer gets the reason. */
  private cancel(sequence: Sequence): void {
    if (sequence.remaining <= 0) {
      return;
    }
    const waitingAt = this.waiting.indexOf(sequence);
    if (waitingAt >= 0) {
      this.waiting.splice(waitingAt, 1);
    }
    this.fail(sequence, sequence.signal.reason);
    if (this.waiting.length === 0 && this.running.length === 0) {
      this.wakeEarly?.();
    }
  }

  private fail(sequence: Sequence, error: unknown): void {
    sequence.detach();
    sequence.remaining = 0;
    sequence.failed = true;
    sequence.channel.fail(error);
  }

  private retireFinished(): void {
    for (let i = this.running.length - 1; i >= 0; i--) {
      const sequence = this.running[i];
      if (sequence !== undefined && sequence.remaining <= 0) {
        this.running.splice(i, 1);
        sequence.cache = undefined;
        sequence.detach();
        if (!sequence.failed) {
          sequence.channel.end();
        }
      }
    }
  }
}

/**
 * What a sequence's next pass is: `prefill:n` (its n-token prompt, no cache yet), `decode:n` (its newest token after
 * n cached ones) or `window` (longer than the context: a full recompute of the last contextLength tokens, as the
 * positions of a sliding window change every step and no cache survives them).
 */
function phaseOf(sequence: Sequence): string {
  if (sequence.tokens.length > BYTELM.contextLength) {
    return 'window';
  }
  return sequence.cache === undefined ? `prefill:${sequence.tokens.length}` : `decode:${sequence.cache.length}`;
}

/** Running sequences keyed by phase: the members of a group share the shapes of one forward pass. */
function groupByPhase(sequences: readonly Sequence[]): Map<string, Sequence[]> {
  const groups = new Map<string, Sequence[]>();
  for (const sequence of sequences) {
    const phase = phaseOf(sequence);
    const group = groups.get(phase);
    if (group === undefined) {
      groups.set(phase, [sequence]);
    } else {
      group.push(sequence);
    }
  }
  return groups;
}

/**
 * The forward pass of one group (same phase). The cache is kept only while the context still fits the window, and
 * never asked of a model without one.
 */
function nextPass(group: readonly Sequence[], model: ModelInterface): TokenBatch {
  const slots = group.map((sequence) => sequence.cache);
  const pastLength = slots[0]?.length ?? 0;
  const seqLength = Math.min((group[0]?.tokens.length ?? 0) - pastLength, BYTELM.contextLength);
  const inputIds = new BigInt64Array(group.length * seqLength);
  group.forEach((sequence, row) => {
    sequence.tokens.slice(-seqLength).forEach((token, col) => (inputIds[row * seqLength + col] = BigInt(token)));
  });
  const present = slots.filter((slot): slot is CacheSlot => slot !== undefined);
  return {
    batch: group.length,
    seqLength,
    pastLength,
    inputIds,
    attentionMask: new BigInt64Array(group.length * (pastLength + seqLength)).fill(1n),
    past: pastLength === 0 ? emptyKvCache() : gatherCache(present, pastLength),
    returnCache: model.kind === 'kv-cache' && pastLength + seqLength < BYTELM.contextLength,
  };
}
