import { Dummy, TextGeneration, type FieldShape, type SynapseValues } from '@taonode/protocol';
import { discountForLatency } from './latency';
import { RoundRandom } from './round-random';
import type { Challenge, MinerAnswer, RoundInfo, ScoringTask } from './scoring-task';

/** Prompts for the text challenge; the seed picks one and the sampler seed, so every round differs. */
const PROMPTS = [
  'The validator asked the miner',
  'Once upon a block,',
  'Consensus is reached when',
  'A subnet rewards those who',
  'Weights are set every tempo and',
  'The axon answered the dendrite:',
] as const;

const DUMMY_TIMEOUT_SECONDS = 12;
const TEXT_TIMEOUT_SECONDS = 12;
/** Short completions: the reference is computed by our own workers every round. */
const TEXT_MAX_TOKENS = 16;
/** Above zero, so the answer depends on the seed too (a miner must run the sampler, not cache greedy text). */
const TEXT_TEMPERATURE = 0.7;

function outputOf(synapse: SynapseValues<FieldShape> | null, field: string): unknown {
  return synapse === null ? undefined : (synapse as Record<string, unknown>)[field];
}

/**
 * The local node's task: every round each miner gets a `Dummy` (exact answer `dummy_input * 2`) and a seeded
 * `TextGeneration` (exact match with the completion our own workers produce: the model is deterministic). Each is
 * half the score; a failure scores 0; latency separates equally correct miners.
 */
export const BUILTIN_TASK: ScoringTask = {
  name: 'builtin',

  challenges(round: RoundInfo): Challenge[] {
    const random = new RoundRandom(round.seed);
    const dummy: Challenge = {
      label: 'dummy',
      synapse: Dummy,
      request: Dummy.create({ dummy_input: BigInt(random.nextInt(2 ** 31)) }),
      timeoutSeconds: DUMMY_TIMEOUT_SECONDS,
      share: 0.5,
    };
    const text: Challenge = {
      label: 'text-generation',
      synapse: TextGeneration,
      request: TextGeneration.create({
        prompt: random.pick(PROMPTS),
        max_tokens: BigInt(TEXT_MAX_TOKENS),
        temperature: TEXT_TEMPERATURE,
        seed: random.nextU64() >> 1n,
      }),
      timeoutSeconds: TEXT_TIMEOUT_SECONDS,
      share: 0.5,
    };
    return [dummy, text];
  },

  reward(challenge: Challenge, reference: SynapseValues<FieldShape> | null, answer: MinerAnswer): number {
    if (!answer.isSuccess || reference === null) {
      return 0;
    }
    const field = challenge.label === 'dummy' ? 'dummy_output' : 'completion';
    const expected = outputOf(reference, field);
    const given = outputOf(answer.synapse, field);
    const correct = expected !== null && expected !== undefined && given === expected;
    return discountForLatency(correct ? 1 : 0, answer.processTimeSeconds, challenge.timeoutSeconds);
  },
};
