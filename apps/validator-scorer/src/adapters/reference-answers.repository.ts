import { type BeforeApplicationShutdown, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { parseLosslessJson, type FieldShape, type SynapseValues } from '@taonode/protocol';
import { SynapseJobClient } from '@taonode/queue';
import { encodeSynapseInputs } from '@taonode/synapses';
import type { ReferenceAnswers } from '../ports/reference-answers.port';
import type { Challenge } from '../task/scoring-task';
import { ScorerRedisConnections } from './scorer-redis.connections';

/** BullMQ's first priority: the validator's own reference jobs never wait behind miner traffic on a shared node. */
const VALIDATOR_JOB_PRIORITY = 1;

/**
 * The reference synapse: the challenge's inputs with the worker's output fields over them, validated by the synapse
 * declaration (so the reference has exactly the types a miner's parsed answer has: ints as bigint, and so on).
 */
function withOutputs(challenge: Challenge, inputsJson: string, outputsJson: string): SynapseValues<FieldShape> {
  const inputs = parseLosslessJson(inputsJson);
  const outputs = parseLosslessJson(outputsJson);
  if (!(inputs instanceof Map) || !(outputs instanceof Map)) {
    throw new TypeError('reference inputs and outputs must be JSON objects');
  }
  return challenge.synapse.validate(new Map([...inputs, ...outputs]));
}

/**
 * Reference answers from the validator's own inference workers, through queue `inference` like any miner request:
 * the job carries the challenge's inputs, the answer comes back on this process's reply channel.
 */
@Injectable()
export class ReferenceAnswersRepository implements ReferenceAnswers, OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReferenceAnswersRepository.name);
  private client: SynapseJobClient | undefined;

  constructor(private readonly connections: ScorerRedisConnections) {}

  async onModuleInit(): Promise<void> {
    this.client = await SynapseJobClient.start(this.connections.commands, this.connections.subscriber);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.client?.close();
  }

  async answer(challenge: Challenge, deadlineMs: number, requestId: string): Promise<SynapseValues<FieldShape> | null> {
    const client = this.client;
    if (client === undefined) {
      throw new Error('reference answers are not started');
    }
    const inputsJson = encodeSynapseInputs(challenge.synapse, challenge.request);
    try {
      const pending = await client.submit(
        { synapse: challenge.synapse.name, inputsJson, deadlineMs, requestId, stream: false },
        VALIDATOR_JOB_PRIORITY,
      );
      const { outputsJson } = await pending.result;
      return withOutputs(challenge, inputsJson, outputsJson);
    } catch (error) {
      this.logger.warn({ err: error, requestId }, 'reference answer unavailable; the challenge scores 0 this round');
      return null;
    }
  }
}
