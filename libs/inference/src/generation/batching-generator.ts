import type { GenerationRequest, GenerationResult, TextGenerator } from '@taonode/synapses';
import type { InferenceBackend } from '../backends/inference-backend';
import { BYTELM } from '../bytelm/bytelm-spec';
import { TokenChannel } from './token-channel';
import { TokenSampler } from './token-sampler';

export interface BatchingOptions {
  /** Most sequences in one forward pass. */
  readonly maxBatch: number;
  /** How long an idle generator waits for more requests before its first pass (milliseconds). */
  readonly batchDelayMs: number;
}

/** Told about each forward pass and each token, for the app's metrics (no prom-client here). */
export interface GenerationObserver {
  forwardPass(batchSize: number, seconds: number): void;
  tokensGenerated(count: number): void;
}

interface Sequence {
  readonly tokens: number[];
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
 * Iteration-level micro-batching over an {@link InferenceBackend}: every pass advances all running sequences by one
 * token, and new requests join at the next pass. Sequences are grouped by their current length so each forward pass
 * needs no padding: same-length rows give bit-identical logits whatever their batchmates, so a request's text never
 * depends on what else was running (left padding is exact only to ~1e-6, enough to flip a rare sample).
 */
export class BatchingGenerator implements TextGenerator {
  private readonly waiting: Sequence[] = [];
  private readonly running: Sequence[] = [];
  private looping = false;
  /** Ends the wait for company early (every waiting request was cancelled: nothing is left to batch). */
  private wakeEarly: (() => void) | undefined;

  constructor(
    private readonly backend: InferenceBackend,
    private readonly options: BatchingOptions,
    private readonly observer?: GenerationObserver,
  ) {}

  async generate(request: GenerationRequest, signal: AbortSignal): Promise<GenerationResult> {
    let text = '';
    let tokenCount = 0;
    for await (const token of this.stream(request, signal)) {
      text += token;
      tokenCount++;
    }
    return { text, tokenCount };
  }

  stream(request: GenerationRequest, signal: AbortSignal): AsyncIterable<string> {
    const sequence: Sequence = {
      tokens: [...Buffer.from(request.prompt, 'utf8')],
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
    this.start();
    return sequence.channel;
  }

  private start(): void {
    if (!this.looping) {
      this.looping = true;
      void this.loop();
    }
  }

  private async loop(): Promise<void> {
    try {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, this.options.batchDelayMs);
        function wake(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wakeEarly = wake;
      });
      this.wakeEarly = undefined;
      while (this.waiting.length > 0 || this.running.length > 0) {
        this.admit();
        await Promise.all([...groupByLength(this.running).values()].map((group) => this.step(group)));
        this.retireFinished();
      }
    } finally {
      this.looping = false;
      if (this.waiting.length > 0) {
        this.start();
      }
    }
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
    const first = live[0];
    if (first === undefined) {
      return;
    }
    const seqLength = Math.min(first.tokens.length, BYTELM.contextLength);
    const inputIds = new BigInt64Array(live.length * seqLength);
    live.forEach((sequence, row) => {
      const window = sequence.tokens.slice(-seqLength);
      window.forEach((token, col) => (inputIds[row * seqLength + col] = BigInt(token)));
    });
    const attentionMask = new BigInt64Array(inputIds.length).fill(1n);
    const started = process.hrtime.bigint();
    let logits: Float32Array;
    try {
      logits = await this.backend.logits({ batch: live.length, seqLength, inputIds, attentionMask });
    } catch (error) {
      for (const sequence of live) {
        this.fail(sequence, error);
      }
      return;
    }
    this.observer?.forwardPass(live.length, Number(process.hrtime.bigint() - started) / 1e9);
    live.forEach((sequence, row) => {
      const token = sequence.sampler.next(logits, row * BYTELM.vocabSize);
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
        sequence.detach();
        if (!sequence.failed) {
          sequence.channel.end();
        }
      }
    }
  }
}

/** Running sequences keyed by the length of their model input (capped at the context window). */
function groupByLength(sequences: readonly Sequence[]): Map<number, Sequence[]> {
  const groups = new Map<number, Sequence[]>();
  for (const sequence of sequences) {
    const length = Math.min(sequence.tokens.length, BYTELM.contextLength);
    const group = groups.get(length);
    if (group === undefined) {
      groups.set(length, [sequence]);
    } else {
      group.push(sequence);
    }
  }
  return groups;
}
