/**
 * The abort signal of one job's handler: aborted when the worker interrupts its jobs (shutdown) or when the job's
 * deadline passes. Built on first read — a handler that never waits (Dummy) never reads it, and a timer plus a
 * listener per job were a visible share of such a job's CPU — and torn down by `close()` when the job ends.
 *
 * Not `AbortSignal.any([interrupt, AbortSignal.timeout(ms)])`: Node 20 holds the sources of `any` weakly, and a
 * timeout signal with no listener of its own is held by nothing else, so after a garbage collection the deadline
 * never fired.
 */
export class JobAbortScope {
  private controller: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly interrupt: AbortSignal,
    private readonly deadlineMs: number,
  ) {}

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      const controller = new AbortController();
      this.controller = controller;
      if (this.interrupt.aborted) {
        controller.abort(this.interrupt.reason);
      } else {
        this.interrupt.addEventListener('abort', this.onInterrupt, { once: true });
        this.timer = setTimeout(
          () => controller.abort(new DOMException('the job deadline passed', 'TimeoutError')),
          Math.max(0, this.deadlineMs - Date.now()),
        );
      }
    }
    return this.controller.signal;
  }

  /** Stops the deadline timer and the interrupt listener (the job is over). */
  close(): void {
    clearTimeout(this.timer);
    this.interrupt.removeEventListener('abort', this.onInterrupt);
  }

  private readonly onInterrupt = (): void => {
    clearTimeout(this.timer);
    this.controller?.abort(this.interrupt.reason);
  };
}
