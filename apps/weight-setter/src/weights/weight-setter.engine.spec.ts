import type {
  PendingReveal,
  ScoreVector,
  TimelockedCommitRecord,
  TimelockedCommitStatus,
  WeightsActivity,
  WeightsAttempt,
  WeightsOutcome,
  WeightsSubmissionIntent,
} from '@taonode/chain';
import type { MetagraphUpdate } from '../ports/metagraph-source.port';
import type { WeightsChainPort } from '../ports/weights-chain.port';
import { WeightSetterEngine, type WeightsLedger, type WeightsMetricsSink } from './weight-setter.engine';

const HOTKEY = '5Validator';
const UPDATE: MetagraphUpdate = { netuid: 1, block: 100, hotkeys: ['5Owner', HOTKEY, '5MinerA'], tempo: 360 };
const PREFLIGHT = {
  netuid: 1,
  uid: 1,
  currentBlock: 100,
  lastUpdate: 50,
  blocksSinceLastUpdate: 50,
  weightsRateLimit: 10,
  rateLimitElapsed: true,
  commitRevealEnabled: false,
  revealPeriodEpochs: 1,
  weightsVersionKey: 0n,
};
const REVEAL: PendingReveal = {
  netuid: 1,
  mechanismId: 0,
  hotkey: HOTKEY,
  commitHash: '0xabc',
  weights: { uids: [2], values: [65535] },
  salt: [1, 2],
  versionKey: 0n,
  commitBlock: 90,
};

class MemoryLedger implements WeightsLedger {
  intent: WeightsSubmissionIntent | null = null;
  reveals = new Map<string, PendingReveal>();
  saveIntent(intent: WeightsSubmissionIntent): Promise<void> {
    this.intent = intent;
    return Promise.resolve();
  }
  readIntent(): Promise<WeightsSubmissionIntent | null> {
    return Promise.resolve(this.intent);
  }
  clearIntent(): Promise<void> {
    this.intent = null;
    return Promise.resolve();
  }
  commitLanded(reveal: PendingReveal): Promise<void> {
    this.reveals.set(reveal.commitHash, reveal);
    this.intent = null;
    return Promise.resolve();
  }
  pendingReveals(): Promise<PendingReveal[]> {
    return Promise.resolve([...this.reveals.values()]);
  }
  removeReveal(commitHash: string): Promise<void> {
    this.reveals.delete(commitHash);
    return Promise.resolve();
  }
}

class FakeChain implements WeightsChainPort {
  readonly hotkey = HOTKEY;
  submissions: { scores: ScoreVector; dryRun: boolean }[] = [];
  nextAttempt: WeightsAttempt = {
    outcome: { kind: 'set', block: 101, weights: { uids: [2], values: [65535] } },
    path: 'direct',
    preflight: PREFLIGHT,
  };
  nextReveal: WeightsOutcome = { kind: 'revealed', block: 101, commitHash: '0xabc' };
  activityResult: WeightsActivity = { block: 100, lastUpdate: 50, commits: [], pendingInPool: false };
  reveals = 0;

  async submit(
    _netuid: number,
    scores: ScoreVector,
    options: { dryRun: boolean; hooks: { beforeSubmit(intent: WeightsSubmissionIntent): Promise<void> } },
  ): Promise<WeightsAttempt> {
    this.submissions.push({ scores, dryRun: options.dryRun });
    if (!options.dryRun) {
      await options.hooks.beforeSubmit({
        path: 'direct',
        netuid: 1,
        mechanismId: 0,
        hotkey: HOTKEY,
        lastUpdateSeen: 50,
        decidedAtBlock: 100,
      });
    }
    return options.dryRun
      ? {
          outcome: { kind: 'dry-run', path: 'direct', weights: { uids: [2], values: [65535] } },
          path: 'direct',
          preflight: PREFLIGHT,
        }
      : this.nextAttempt;
  }
  reveal(): Promise<WeightsOutcome> {
    this.reveals += 1;
    return Promise.resolve(this.nextReveal);
  }
  activity(): Promise<WeightsActivity> {
    return Promise.resolve(this.activityResult);
  }
  timelockedStatusResult: TimelockedCommitStatus = 'queued';
  statusQueries: TimelockedCommitRecord[] = [];
  timelockedStatus(record: TimelockedCommitRecord): Promise<TimelockedCommitStatus> {
    this.statusQueries.push(record);
    return Promise.resolve(this.timelockedStatusResult);
  }
}

const NO_METRICS: WeightsMetricsSink = {
  attempted: () => undefined,
  blocksSinceLastSet: () => undefined,
  leadership: () => undefined,
  pendingReveals: () => undefined,
};

function newEngine(options: { leader?: boolean; dryRun?: boolean; metrics?: WeightsMetricsSink } = {}) {
  const chain = new FakeChain();
  const ledger = new MemoryLedger();
  const scores = { current: () => Promise.resolve({ uids: [2], scores: [1] }) };
  const lock = { acquire: () => Promise.resolve(options.leader ?? true) };
  const warnings: string[] = [];
  const sut = new WeightSetterEngine(
    { netuid: 1, dryRun: options.dryRun ?? false, minIntervalBlocks: 0 },
    chain,
    ledger,
    scores,
    lock,
    options.metrics ?? NO_METRICS,
    { log: () => undefined, warn: (message) => warnings.push(message) },
  );
  return { sut, chain, ledger, warnings };
}

describe('WeightSetterEngine', () => {
  it('does nothing while another instance holds the lock', async () => {
    const { sut, chain } = newEngine({ leader: false });
    expect(await sut.step(UPDATE)).toEqual({ role: 'follower' });
    expect(chain.submissions).toHaveLength(0);
  });

  it('sets weights, clears its intent, and waits for the next window', async () => {
    const { sut, chain, ledger } = newEngine();
    expect(await sut.step(UPDATE)).toMatchObject({ role: 'leader', outcomes: [{ kind: 'set' }] });
    expect(ledger.intent).toBeNull();
    // Landed at 101 with rate limit 10: nothing before block 112.
    expect(await sut.step({ ...UPDATE, block: 111 })).toMatchObject({ waiting: 'schedule' });
    expect(await sut.step({ ...UPDATE, block: 112 })).toMatchObject({ outcomes: [{ kind: 'set' }] });
    expect(chain.submissions).toHaveLength(2);
  });

  it('in dry-run decides but never records an intent', async () => {
    const { sut, chain, ledger } = newEngine({ dryRun: true });
    expect(await sut.step(UPDATE)).toMatchObject({ outcomes: [{ kind: 'dry-run' }] });
    expect(chain.submissions[0]?.dryRun).toBe(true);
    expect(ledger.intent).toBeNull();
  });

  it('keeps the intent after a timeout, then reconciles it as landed when LastUpdate moved', async () => {
    const { sut, chain, ledger } = newEngine();
    chain.nextAttempt = { outcome: { kind: 'timeout', detail: 'lost' }, path: 'direct', preflight: PREFLIGHT };
    await sut.step(UPDATE);
    expect(ledger.intent).not.toBeNull();
    chain.activityResult = { block: 101, lastUpdate: 100, commits: [], pendingInPool: false };
    chain.nextAttempt = {
      outcome: { kind: 'too-soon', possibleAtBlock: 111, detail: 'rate limit' },
      path: 'direct',
      preflight: PREFLIGHT,
    };
    await sut.step({ ...UPDATE, block: 101 });
    expect(ledger.intent).toBeNull();
    // Reconciled as landed at 100; the next attempt goes through the preflight, which answers too-soon (no transaction).
    expect(chain.submissions).toHaveLength(2);
  });

  it('waits while its transaction is still in the pool', async () => {
    const { sut, chain, ledger } = newEngine();
    ledger.intent = {
      path: 'direct',
      netuid: 1,
      mechanismId: 0,
      hotkey: HOTKEY,
      lastUpdateSeen: 50,
      decidedAtBlock: 99,
    };
    chain.activityResult = { block: 100, lastUpdate: 50, commits: [], pendingInPool: true };
    expect(await sut.step(UPDATE)).toMatchObject({ waiting: 'pool' });
    expect(chain.submissions).toHaveLength(0);
  });

  it('records a commit found on chain after a crash, reveals it, and makes no new commit while it is pending', async () => {
    const { sut, chain, ledger } = newEngine();
    ledger.intent = {
      path: 'hash-commit-reveal',
      netuid: 1,
      mechanismId: 0,
      hotkey: HOTKEY,
      lastUpdateSeen: 50,
      decidedAtBlock: 89,
      reveal: { ...REVEAL, commitBlock: undefined },
    };
    chain.activityResult = {
      block: 100,
      lastUpdate: 90,
      commits: [{ hash: '0xabc', block: 90 }],
      pendingInPool: false,
    };
    chain.nextReveal = { kind: 'too-soon', possibleAtBlock: 120, detail: 'window' };
    expect(await sut.step(UPDATE)).toMatchObject({ waiting: 'reveal', outcomes: [{ kind: 'too-soon' }] });
    expect(ledger.reveals.get('0xabc')?.commitBlock).toBe(90);
    expect(chain.submissions).toHaveLength(0);
    // Before block 120 the reveal is not even tried.
    await sut.step({ ...UPDATE, block: 110 });
    expect(chain.reveals).toBe(1);
    chain.nextReveal = { kind: 'revealed', block: 121, commitHash: '0xabc' };
    expect(await sut.step({ ...UPDATE, block: 120 })).toMatchObject({
      outcomes: [{ kind: 'revealed' }, { kind: 'set' }],
    });
    expect(ledger.reveals.size).toBe(0);
  });

  it('drops a pending reveal whose commit is no longer on chain (revealed by an attempt whose answer was lost)', async () => {
    const { sut, chain, ledger } = newEngine();
    ledger.reveals.set('0xabc', REVEAL);
    chain.activityResult = { block: 100, lastUpdate: 95, commits: [], pendingInPool: false };
    await sut.step(UPDATE);
    expect(chain.reveals).toBe(0);
    expect(ledger.reveals.size).toBe(0);
  });

  it('forgets its schedule when the chain goes back (a node resynced from scratch)', async () => {
    const { sut, chain } = newEngine();
    await sut.step(UPDATE);
    await sut.step({ ...UPDATE, block: 5 });
    expect(chain.submissions).toHaveLength(2);
  });

  describe('a timelocked commit, followed until the chain has dealt with it', () => {
    const TIMELOCKED: WeightsAttempt = {
      outcome: {
        kind: 'timelocked-committed',
        block: 101,
        weights: { uids: [2], values: [65535] },
        revealRound: 5000,
        firstRevealBlock: 110,
        commitHash: '0xc0ffee',
      },
      path: 'timelocked',
      preflight: { ...PREFLIGHT, commitRevealEnabled: true },
    };

    function recordingMetrics(): WeightsMetricsSink & { readonly seen: string[] } {
      const seen: string[] = [];
      return { ...NO_METRICS, seen, attempted: (action, outcome) => seen.push(`${action}:${outcome}`) };
    }

    it('asks nothing before the first reveal block, waits while queued, then counts the reveal', async () => {
      const metrics = recordingMetrics();
      const { sut, chain, warnings } = newEngine({ metrics });
      chain.nextAttempt = TIMELOCKED;
      await sut.step(UPDATE);
      await sut.step({ ...UPDATE, block: 109 });
      expect(chain.statusQueries).toHaveLength(0);
      await sut.step({ ...UPDATE, block: 110 });
      expect(chain.statusQueries).toEqual([
        { netuid: 1, hotkey: HOTKEY, uid: 1, commitHash: '0xc0ffee', weights: { uids: [2], values: [65535] } },
      ]);
      chain.timelockedStatusResult = 'revealed';
      await sut.step({ ...UPDATE, block: 111 });
      await sut.step({ ...UPDATE, block: 112 });
      expect(chain.statusQueries).toHaveLength(2);
      expect(metrics.seen).toContain('reveal:revealed');
      expect(warnings).toEqual([]);
    });

    it('follows every commit: a newer commit before the older one is revealed does not hide its reveal', async () => {
      const metrics = recordingMetrics();
      const { sut, chain, warnings } = newEngine({ metrics });
      chain.nextAttempt = TIMELOCKED;
      await sut.step(UPDATE);
      const newer: WeightsOutcome = {
        kind: 'timelocked-committed',
        block: 105,
        weights: { uids: [2], values: [65535] },
        revealRound: 5010,
        firstRevealBlock: 130,
        commitHash: '0xbeef',
      };
      chain.nextAttempt = { ...TIMELOCKED, outcome: newer };
      await sut.step({ ...UPDATE, block: 105 });
      chain.timelockedStatusResult = 'revealed';
      await sut.step({ ...UPDATE, block: 110 });
      expect(chain.statusQueries.map((query) => query.commitHash)[0]).toBe('0xc0ffee');
      expect(metrics.seen).toContain('reveal:revealed');
      expect(warnings).toEqual([]);
    });

    it('warns when the commit left the queue without our weights on chain', async () => {
      const metrics = recordingMetrics();
      const { sut, chain, warnings } = newEngine({ metrics });
      chain.nextAttempt = TIMELOCKED;
      await sut.step(UPDATE);
      chain.timelockedStatusResult = 'vanished';
      await sut.step({ ...UPDATE, block: 120 });
      expect(metrics.seen).toContain('reveal:rejected');
      expect(warnings).toEqual([expect.stringContaining('vanished without a reveal')]);
    });
  });
});
