import type { FieldShape, SynapseValues } from '@taonode/protocol';
import type { Challenge } from '../task/scoring-task';

/** The validator's own answer to a challenge, produced by its inference workers (queue `inference`). */
export interface ReferenceAnswers {
  /** The reference synapse (outputs filled), or null when the workers did not answer by `deadlineMs`. */
  answer(challenge: Challenge, deadlineMs: number, requestId: string): Promise<SynapseValues<FieldShape> | null>;
}

export const REFERENCE_ANSWERS = Symbol('ReferenceAnswers');
