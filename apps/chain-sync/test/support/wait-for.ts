import type { Observable, Subscription } from 'rxjs';

/** Polls `probe` until it returns a value other than undefined; fails after `timeoutMs` with `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Records everything a stream emits, and whether it ended, so a test can wait for the n-th item. */
export class StreamRecorder<T> {
  readonly items: T[] = [];
  error: unknown;
  ended = false;
  private readonly subscription: Subscription;

  constructor(stream: Observable<T>) {
    this.subscription = stream.subscribe({
      next: (item) => this.items.push(item),
      error: (error: unknown) => {
        this.error = error;
        this.ended = true;
      },
      complete: () => {
        this.ended = true;
      },
    });
  }

  /** Resolves with the `count`-th item (1-based) once it has arrived. */
  async nth(count: number, timeoutMs?: number): Promise<T> {
    return waitFor(`stream item #${count}`, () => this.items[count - 1], timeoutMs);
  }

  cancel(): void {
    this.subscription.unsubscribe();
  }
}
