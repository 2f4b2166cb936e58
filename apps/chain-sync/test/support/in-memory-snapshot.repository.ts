import type { MetagraphSnapshot } from '../../src/snapshot/metagraph-snapshot';
import { decodeSnapshot, encodeSnapshot } from '../../src/snapshot/metagraph-snapshot.codec';

/** Stands in for the Redis repository in unit specs; stores the encoded JSON so the codec is exercised too. */
export class InMemorySnapshotRepository {
  readonly stored = new Map<number, string>();
  saves = 0;
  failure: Error | undefined;

  save(snapshot: MetagraphSnapshot): Promise<void> {
    if (this.failure !== undefined) {
      return Promise.reject(this.failure);
    }
    this.saves += 1;
    this.stored.set(snapshot.metagraph.netuid, encodeSnapshot(snapshot));
    return Promise.resolve();
  }

  load(netuid: number): Promise<MetagraphSnapshot | undefined> {
    if (this.failure !== undefined) {
      return Promise.reject(this.failure);
    }
    const json = this.stored.get(netuid);
    return Promise.resolve(json === undefined ? undefined : decodeSnapshot(json));
  }
}
