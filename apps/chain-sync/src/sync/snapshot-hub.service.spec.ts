import { buildMetagraph } from '@taonode/testing';
import type { MetagraphSnapshot } from '../snapshot/metagraph-snapshot';
import { SnapshotHubService } from './snapshot-hub.service';

function snapshot(block: number, n = 4): MetagraphSnapshot {
  return { metagraph: buildMetagraph({ block, n }), syncedAtMs: block * 1000 };
}

function blocksSeen(hub: SnapshotHubService, netuid = 1): number[] {
  const seen: number[] = [];
  hub.watch(netuid).subscribe((value) => seen.push(value.metagraph.block));
  return seen;
}

describe('SnapshotHubService', () => {
  it('gives a new watcher the latest snapshot, then only snapshots whose content changed', () => {
    const hub = new SnapshotHubService();
    hub.publish(snapshot(10));
    hub.publish(snapshot(11));
    const seen = blocksSeen(hub);
    expect(hub.publish(snapshot(12))).toBe(false);
    expect(hub.publish(snapshot(13, 5))).toBe(true);
    expect(hub.publish(snapshot(14, 5))).toBe(false);
    expect(seen).toEqual([11, 13]);
    expect(hub.latest(1)?.metagraph.block).toBe(14);
  });

  it('lets a watcher that came before any snapshot receive the first one', () => {
    const hub = new SnapshotHubService();
    const seen = blocksSeen(hub);
    expect(hub.publish(snapshot(5))).toBe(true);
    expect(seen).toEqual([5]);
  });

  it('keeps subnets apart', () => {
    const hub = new SnapshotHubService();
    const seenOn2 = blocksSeen(hub, 2);
    hub.publish(snapshot(10));
    expect(seenOn2).toEqual([]);
    expect(hub.latest(2)).toBeUndefined();
  });

  it('completes every watcher on shutdown', () => {
    const hub = new SnapshotHubService();
    let completed = false;
    hub.watch(1).subscribe({ complete: () => (completed = true) });
    hub.onApplicationShutdown();
    expect(completed).toBe(true);
  });
});
