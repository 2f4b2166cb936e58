/** A single-consumer async queue: the batch loop pushes token texts, the request's iterator pulls them. */
export class TokenChannel implements AsyncIterable<string> {
  private readonly buffered: string[] = [];
  private ended = false;
  private failure: unknown;
  private hasFailed = false;
  private wake: (() => void) | undefined;

  push(text: string): void {
    this.buffered.push(text);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(error: unknown): void {
    this.failure = error;
    this.hasFailed = true;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      const next = this.buffered.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.hasFailed) {
        throw this.failure;
      }
      if (this.ended) {
        return;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
