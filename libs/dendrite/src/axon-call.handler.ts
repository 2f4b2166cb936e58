import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';

/** What one HTTP exchange with an axon produced, before any protocol parsing. */
export type RawCallOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      /** Node's flat raw header list: name, value, name, value … (latin-1, as sent). */
      readonly rawHeaders: readonly string[];
      /** The whole body, or empty when it was streamed to `onChunk`. */
      readonly body: Buffer;
      readonly bytesReceived: number;
    }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'too-large'; readonly bytesReceived: number }
  | { readonly kind: 'error'; readonly error: Error };

/** Limits and hooks of one call. */
export interface AxonCallLimits {
  /** The miner's budget, counted from the moment its request was written to the socket. */
  readonly timeoutMs: number;
  /** Largest response body accepted; a larger one is cut off as soon as it crosses the limit. */
  readonly maxResponseBytes: number;
  /** When set, body chunks go here as they arrive (streaming synapses) instead of being buffered. */
  readonly onChunk?: (chunk: Buffer) => void;
  /** Status and headers as soon as they arrive (streaming synapses). */
  readonly onHeaders?: (status: number, rawHeaders: readonly string[]) => void;
}

/** The end of a call: its outcome and when the request left (performance.now() ms; null if it never did). */
export interface AxonCallResult {
  readonly outcome: RawCallOutcome;
  readonly writtenAtMs: number | null;
  readonly finishedAtMs: number;
}

/**
 * An undici dispatch handler for one axon call. It starts the miner's clock when undici reports the request
 * written (`onRequestSent`), so time spent waiting for a socket or behind our own event loop never counts
 * against the miner; until then the same budget bounds connecting. The body is counted as it arrives and the
 * call is aborted the moment it crosses the size limit or the deadline, so a huge or trickling answer costs
 * nothing beyond the miner's own timeout. Settles exactly once.
 */
export class AxonCallHandler implements Dispatcher.DispatchHandler {
  readonly result: Promise<AxonCallResult>;
  private resolve!: (result: AxonCallResult) => void;
  private timer: NodeJS.Timeout | undefined;
  private writtenAtMs: number | null = null;
  private settled = false;
  private abortRequest: ((reason: Error) => void) | null = null;
  private status = 0;
  private rawHeaders: string[] = [];
  private readonly chunks: Buffer[] = [];
  private bytesReceived = 0;

  constructor(private readonly limits: AxonCallLimits) {
    this.result = new Promise((resolve) => {
      this.resolve = resolve;
    });
    this.arm();
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.abortRequest = abort;
    if (this.settled) {
      // Timed out while waiting for a socket: never send it.
      abort(new Error('axon call ended before its request was written'));
    }
  }

  /** undici calls this once the request head and body are on the socket (not in undici's public types). */
  onRequestSent(): void {
    if (this.writtenAtMs === null) {
      this.writtenAtMs = performance.now();
      this.arm();
    }
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) {
      return true; // 1xx informational: the real head follows.
    }
    this.status = statusCode;
    this.rawHeaders = rawHeaders.map((value) => value.toString('latin1'));
    this.limits.onHeaders?.(statusCode, this.rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.settled) {
      return false;
    }
    this.bytesReceived += chunk.length;
    if (this.bytesReceived > this.limits.maxResponseBytes) {
      this.finish({ kind: 'too-large', bytesReceived: this.bytesReceived });
      return false;
    }
    if (this.limits.onChunk === undefined) {
      this.chunks.push(chunk);
    } else {
      this.limits.onChunk(chunk);
    }
    return true;
  }

  onComplete(): void {
    this.finish({
      kind: 'response',
      status: this.status,
      rawHeaders: this.rawHeaders,
      body: this.chunks.length === 1 ? (this.chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(this.chunks),
      bytesReceived: this.bytesReceived,
    });
  }

  onError(error: Error): void {
    this.finish({ kind: 'error', error });
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.finish({ kind: 'timeout' }), this.limits.timeoutMs);
  }

  private finish(outcome: RawCallOutcome): void {
    if (this.settled) {
      return;
    }
    this.settled = true;
    clearTimeout(this.timer);
    this.chunks.length = 0;
    this.resolve({ outcome, writtenAtMs: this.writtenAtMs, finishedAtMs: performance.now() });
    if (outcome.kind !== 'response' && outcome.kind !== 'error') {
      // Close the socket: a miner still sending must not keep a connection (or our memory) busy.
      this.abortRequest?.(new Error(`axon call ended: ${outcome.kind}`));
    }
  }
}
