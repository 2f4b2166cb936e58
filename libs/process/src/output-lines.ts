import type { Readable } from 'node:stream';

/**
 * Splits a child's output streams into lines, hands each to the listeners, and keeps the last `keep` lines for
 * error messages (bounded: a chatty child that runs for days must not grow the supervisor's memory).
 */
export class OutputLines {
  readonly #recent: string[] = [];
  readonly #listeners = new Set<(line: string) => void>();

  constructor(
    streams: readonly (Readable | null)[],
    private readonly keep = 50,
  ) {
    for (const stream of streams) {
      if (stream) {
        this.follow(stream);
      }
    }
  }

  /** The last lines seen, oldest first. */
  get recent(): readonly string[] {
    return this.#recent;
  }

  /** Calls `listener` with every later line; returns the function that stops it. */
  onLine(listener: (line: string) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  private follow(stream: Readable): void {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        this.emit(line);
      }
    });
    stream.on('end', () => {
      if (partial !== '') {
        this.emit(partial);
        partial = '';
      }
    });
  }

  private emit(line: string): void {
    this.#recent.push(line);
    if (this.#recent.length > this.keep) {
      this.#recent.shift();
    }
    for (const listener of this.#listeners) {
      listener(line);
    }
  }
}
