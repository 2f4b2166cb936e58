import type { Observable, Subscription } from 'rxjs';
import { waitFor } from '@taonode/testing';

export { waitFor };

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
