import { buildMetagraph } from '@taonode/testing';
import { decodeSnapshot, encodeSnapshot, metagraphFingerprint } from './metagraph-snapshot.codec';

describe('metagraph snapshot codec', () => {
  it('round-trips a snapshot exactly, u64 amounts above 2^53 included', () => {
    const snapshot = { metagraph: buildMetagraph({ n: 3, block: 42 }), syncedAtMs: 1_700_000_000_123 };
    const json = encodeSnapshot(snapshot);
    expect(json).toContain('"emissionRao":"9000000000000000001"');
    expect(decodeSnapshot(json)).toEqual(snapshot);
  });

  it('refuses JSON of another format version', () => {
    const json = encodeSnapshot({ metagraph: buildMetagraph(), syncedAtMs: 1 }).replace('"version":1', '"version":2');
    expect(() => decodeSnapshot(json)).toThrow();
  });

  it('refuses a stored neuron with a missing field', () => {
    const stored = JSON.parse(encodeSnapshot({ metagraph: buildMetagraph({ n: 1 }), syncedAtMs: 1 })) as {
      metagraph: { neurons: Record<string, unknown>[] };
    };
    delete stored.metagraph.neurons[0]?.stakeRao;
    expect(() => decodeSnapshot(JSON.stringify(stored))).toThrow();
  });

  it('fingerprints content only: the same state at another block is equal, a changed neuron is not', () => {
    const at10 = buildMetagraph({ block: 10 });
    const at11 = buildMetagraph({ block: 11 });
    const changed = buildMetagraph({ block: 11, neuron: (uid) => (uid === 2 ? { stakeRao: 1n } : {}) });
    expect(metagraphFingerprint(at11)).toBe(metagraphFingerprint(at10));
    expect(metagraphFingerprint(changed)).not.toBe(metagraphFingerprint(at10));
  });
});
