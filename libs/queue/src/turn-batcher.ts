/** Sends one group of items; the items' promises settle as this does. */
export type FlushGroup<Item> = (key: number, items: readonly Item[]) => Promise<void>;

interface Held<Item> {
  readonly item: Item;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Holds items submitted in the same turn of the event loop, grouped by a numeric key (a job priority), and sends
 * each group once: when the turn's I/O is done (`setImmediate`) or as soon as a group holds `maxItems`. Requests
 * whose checks finish in the same turn — one Redis reply answering many nonce scripts, one message from the
 * verify thread answering many signatures — thus share one job. The price is the rest of the turn's I/O callbacks:
 * alone, a request's job would leave right after its own callback; under load those callbacks are what fill the
 * batch, and the shared job saves more than they cost (docs/axon-gateway.md, "Not done").
 */
export class TurnBatcher<Item> {
  private readonly groups = new Map<number, Held<Item>[]>();
  private flushScheduled = false;

  constructor(
    private readonly maxItems: number,
    private readonly flushGroup: FlushGroup<Item>,
  ) {}

  /** Resolves once the item's group was sent; rejects with the send's error. */
  add(key: number, item: Item): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let group = this.groups.get(key);
      if (group === undefined) {
        group = [];
        this.groups.set(key, group);
      }
      group.push({ item, resolve, reject });
      if (group.length >= this.maxItems) {
        this.groups.delete(key);
        this.send(key, group);
      } else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const groups = [...this.groups];
    this.groups.clear();
    for (const [key, group] of groups) {
      this.send(key, group);
    }
  }

  private send(key: number, group: readonly Held<Item>[]): void {
    this.flushGroup(
      key,
      group.map((held) => held.item),
    ).then(
      () => group.forEach((held) => held.resolve()),
      (error: unknown) => group.forEach((held) => held.reject(error)),
    );
  }
}
