import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { defer, type Observable, startWith, Subject } from 'rxjs';
import type { MetagraphSnapshot } from '../snapshot/metagraph-snapshot';
import { metagraphFingerprint } from '../snapshot/metagraph-snapshot.codec';

interface SubnetEntry {
  latest: MetagraphSnapshot | undefined;
  fingerprint: string | undefined;
  readonly changes: Subject<MetagraphSnapshot>;
}

/**
 * The latest snapshot of each subnet in memory (what the gRPC reads answer from) and the change feed watchers
 * subscribe to. A snapshot whose content equals the previous one replaces it (its block is newer) without being
 * announced.
 */
@Injectable()
export class SnapshotHubService implements OnApplicationShutdown {
  private readonly subnets = new Map<number, SubnetEntry>();

  latest(netuid: number): MetagraphSnapshot | undefined {
    return this.subnets.get(netuid)?.latest;
  }

  /**
   * Makes `snapshot` the subnet's latest (callers publish in head order) and returns whether watchers were told:
   * the content changed, or it is the subnet's first snapshot.
   */
  publish(snapshot: MetagraphSnapshot): boolean {
    const entry = this.entry(snapshot.metagraph.netuid);
    const fingerprint = metagraphFingerprint(snapshot.metagraph);
    const changed = fingerprint !== entry.fingerprint;
    entry.latest = snapshot;
    entry.fingerprint = fingerprint;
    if (changed) {
      entry.changes.next(snapshot);
    }
    return changed;
  }

  /** The latest snapshot right away (when there is one), then every changed one; never completes on its own. */
  watch(netuid: number): Observable<MetagraphSnapshot> {
    return defer(() => {
      const entry = this.entry(netuid);
      // Read and subscribe in the same tick: no snapshot can slip in between.
      return entry.latest === undefined ? entry.changes : entry.changes.pipe(startWith(entry.latest));
    });
  }

  /** Ends every watcher's stream so the gRPC server can close. */
  onApplicationShutdown(): void {
    for (const entry of this.subnets.values()) {
      entry.changes.complete();
    }
  }

  private entry(netuid: number): SubnetEntry {
    let entry = this.subnets.get(netuid);
    if (entry === undefined) {
      entry = { latest: undefined, fingerprint: undefined, changes: new Subject<MetagraphSnapshot>() };
      this.subnets.set(netuid, entry);
    }
    return entry;
  }
}
