import type { FieldShape, SynapseValues } from '@taonode/protocol';
import type { MinerQuery, MinerReply } from '../ports/miner-query.port';
import type { ReferenceAnswers } from '../ports/reference-answers.port';
import type { RoundReward, ScoreLedger } from '../ports/score-ledger.port';
import { BUILTIN_TASK } from '../task/builtin.task';
import type { Challenge } from '../task/scoring-task';
import type { MinerCandidate } from './miner-selection';
import { RoundRunner } from './round-runner.service';

type Behaviour = 'honest' | 'garbage' | 'slow' | 'down';

/** The reference answer of a built-in challenge, computed the way a worker would (the text one is a stand-in). */
function solve(challenge: Challenge): SynapseValues<FieldShape> {
  const request = challenge.request as Record<string, unknown>;
  const outputs =
    challenge.label === 'dummy'
      ? { dummy_output: (request.dummy_input as bigint) * 2n }
      : { completion: `answer to ${String(request.prompt)} #${String(request.seed)}` };
  return { ...challenge.request, ...outputs };
}

class FakeReferences implements ReferenceAnswers {
  available = true;
  answer(challenge: Challenge): Promise<SynapseValues<FieldShape> | null> {
    return Promise.resolve(this.available ? solve(challenge) : null);
  }
}

class FakeMiners implements MinerQuery {
  readonly asked: number[][] = [];
  constructor(private readonly behaviour: ReadonlyMap<number, Behaviour>) {}

  query(challenge: Challenge, miners: readonly MinerCandidate[]): Promise<MinerReply[]> {
    this.asked.push(miners.map((miner) => miner.uid));
    return Promise.resolve(
      miners.map((miner): MinerReply => {
        const behaviour = this.behaviour.get(miner.uid) ?? 'honest';
        const answered = solve(challenge) as Record<string, unknown>;
        switch (behaviour) {
          case 'honest':
            return {
              uid: miner.uid,
              isSuccess: true,
              statusCode: 200,
              synapse: solve(challenge),
              processTimeSeconds: 0.01,
            };
          case 'slow':
            return {
              uid: miner.uid,
              isSuccess: true,
              statusCode: 200,
              synapse: solve(challenge),
              processTimeSeconds: 10,
            };
          case 'garbage':
            return {
              uid: miner.uid,
              isSuccess: true,
              statusCode: 200,
              synapse: {
                ...answered,
                dummy_output: 1n,
                completion: 'nonsense',
              } as unknown as SynapseValues<FieldShape>,
              processTimeSeconds: 0.01,
            };
          case 'down':
            return {
              uid: miner.uid,
              isSuccess: false,
              statusCode: 503,
              synapse: challenge.request,
              processTimeSeconds: null,
            };
        }
      }),
    );
  }
}

class MemoryLedger implements ScoreLedger {
  readonly rounds: RoundReward[][] = [];
  applyRound(_netuid: number, rewards: readonly RoundReward[]): Promise<ReadonlyMap<number, number>> {
    this.rounds.push([...rewards]);
    return Promise.resolve(new Map(rewards.map((reward) => [reward.uid, reward.reward])));
  }
}

function neuron(uid: number, serving = true): MinerCandidate {
  return {
    uid,
    hotkey: `hk${uid}`,
    ip: serving ? '127.0.0.2' : '0.0.0.0',
    port: serving ? 8091 : 0,
    isServing: serving,
  };
}

function runner(behaviour: Map<number, Behaviour>, references = new FakeReferences(), sampleSize = 0) {
  const miners = new FakeMiners(behaviour);
  const ledger = new MemoryLedger();
  const sut = new RoundRunner(BUILTIN_TASK, references, miners, ledger, { ownHotkey: 'hk0', sampleSize });
  return { sut, miners, ledger };
}

describe('RoundRunner with the built-in task', () => {
  it('ranks honest above slow above garbage, and a miner that is down at zero', async () => {
    const behaviour = new Map<number, Behaviour>([
      [1, 'honest'],
      [2, 'slow'],
      [3, 'garbage'],
      [4, 'down'],
    ]);
    const { sut } = runner(behaviour);
    const report = await sut.run({ netuid: 1, block: 100, neurons: [1, 2, 3, 4].map((uid) => neuron(uid)) });
    const score = (uid: number): number => report.scores.get(uid) ?? -1;
    expect(score(1)).toBeGreaterThan(score(2));
    expect(score(2)).toBeGreaterThan(score(3));
    expect(score(3)).toBe(0);
    expect(score(4)).toBe(0);
    expect(report.statuses.get('dummy')).toEqual(
      new Map([
        ['200', 3],
        ['503', 1],
      ]),
    );
  });

  it('queries only miners with a served axon, never its own hotkey', async () => {
    const { sut, miners } = runner(new Map());
    await sut.run({ netuid: 1, block: 7, neurons: [neuron(0), neuron(1), neuron(2, false), neuron(3)] });
    expect(miners.asked).toEqual([
      [1, 3],
      [1, 3],
    ]);
  });

  it('scores nobody up when its own workers give no reference', async () => {
    const references = new FakeReferences();
    references.available = false;
    const { sut, ledger } = runner(new Map(), references);
    const report = await sut.run({ netuid: 1, block: 9, neurons: [neuron(1)] });
    expect(report.missingReferences).toEqual(['dummy', 'text-generation']);
    expect(ledger.rounds).toEqual([[{ uid: 1, hotkey: 'hk1', reward: 0 }]]);
  });

  it('asks the same questions for the same block (a restarted scorer repeats its round)', () => {
    const seedOf = (block: number) => BUILTIN_TASK.challenges({ netuid: 1, block, seed: BigInt(block) });
    expect(seedOf(5).map((c) => c.request)).toEqual(seedOf(5).map((c) => c.request));
    expect(seedOf(5).map((c) => c.request)).not.toEqual(seedOf(6).map((c) => c.request));
  });

  it('samples a reproducible subset when asked for fewer miners than serve', async () => {
    const { sut, miners } = runner(new Map(), new FakeReferences(), 3);
    const neurons = Array.from({ length: 20 }, (_, uid) => neuron(uid + 1));
    await sut.run({ netuid: 1, block: 42, neurons });
    await sut.run({ netuid: 1, block: 42, neurons });
    expect(miners.asked[0]).toHaveLength(3);
    expect(miners.asked[2]).toEqual(miners.asked[0]);
  });

  it('does not touch the ledger when no miner serves', async () => {
    const { sut, ledger } = runner(new Map());
    const report = await sut.run({ netuid: 1, block: 3, neurons: [neuron(2, false)] });
    expect(report.miners).toBe(0);
    expect(ledger.rounds).toEqual([]);
  });
});
