import { z } from 'zod';
import type { Metagraph } from '@taonode/chain';
import type { MetagraphSnapshot } from './metagraph-snapshot';

/** Stored format version; bump when the JSON shape changes so old entries are ignored, not misread. */
const FORMAT_VERSION = 1;

/** bigints are stored as decimal strings (JSON has no 64-bit integers). */
const bigintString = z
  .string()
  .regex(/^-?\d+$/)
  .transform((value) => BigInt(value));

const axonSchema = z.object({
  block: z.number(),
  version: z.number(),
  ip: z.string(),
  port: z.number(),
  ipType: z.number(),
  protocol: z.number(),
  isServing: z.boolean(),
});

const prometheusSchema = z.object({
  block: z.number(),
  version: z.number(),
  ip: z.string(),
  port: z.number(),
  ipType: z.number(),
});

const neuronSchema = z.object({
  uid: z.number(),
  hotkey: z.string(),
  coldkey: z.string(),
  active: z.boolean(),
  axon: axonSchema,
  prometheus: prometheusSchema,
  stakeRao: bigintString,
  stake: z.number(),
  alphaStake: z.number(),
  taoStake: z.number(),
  totalStake: z.number(),
  rank: z.number(),
  trust: z.number(),
  consensus: z.number(),
  incentive: z.number(),
  dividends: z.number(),
  validatorTrust: z.number(),
  validatorPermit: z.boolean(),
  emissionRao: bigintString,
  emission: z.number(),
  lastUpdate: z.number(),
  blockAtRegistration: z.number(),
  pruningScore: z.number(),
});

const hyperparametersSchema = z.object({
  tempo: z.number(),
  immunityPeriod: z.number(),
  minAllowedWeights: z.number(),
  maxWeightsLimit: z.number(),
  weightsVersionKey: bigintString,
  weightsRateLimit: z.number(),
  commitRevealWeightsEnabled: z.boolean(),
  revealPeriodEpochs: z.number(),
  servingRateLimit: z.number(),
  maxAllowedUids: z.number(),
  maxAllowedValidators: z.number(),
  activityCutoff: z.number(),
  registrationAllowed: z.boolean(),
  burnRao: bigintString,
  difficulty: bigintString,
  rho: z.number(),
  kappa: z.number(),
  minDifficulty: bigintString,
  maxDifficulty: bigintString,
  minBurnRao: bigintString,
  maxBurnRao: bigintString,
  adjustmentInterval: z.number(),
  adjustmentAlpha: bigintString,
  targetRegistrationsPerInterval: z.number(),
  maxRegistrationsPerBlock: z.number(),
  bondsMovingAverage: bigintString,
  powRegistrationAllowed: z.boolean(),
  liquidAlphaEnabled: z.boolean().optional(),
  alphaHigh: z.number().optional(),
  alphaLow: z.number().optional(),
});

const metagraphSchema = z.object({
  netuid: z.number(),
  block: z.number(),
  blockHash: z.custom<`0x${string}`>((value) => typeof value === 'string' && /^0x[0-9a-f]*$/i.test(value)),
  n: z.number(),
  hyperparameters: hyperparametersSchema,
  neurons: z.array(neuronSchema),
  source: z.enum(['runtime-api', 'storage']),
});

const storedSnapshotSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  syncedAtMs: z.number(),
  metagraph: metagraphSchema,
});

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** The JSON stored in Redis: the snapshot with a format version, bigints as decimal strings. */
export function encodeSnapshot(snapshot: MetagraphSnapshot): string {
  return JSON.stringify(
    { version: FORMAT_VERSION, syncedAtMs: snapshot.syncedAtMs, metagraph: snapshot.metagraph },
    bigintAsString,
  );
}

/** Parses and validates stored JSON; throws (zod or JSON error) when it is not a snapshot of this format. */
export function decodeSnapshot(json: string): MetagraphSnapshot {
  const stored = storedSnapshotSchema.parse(JSON.parse(json));
  // The annotation makes the compiler check that the schema yields every field of `Metagraph`.
  const metagraph: Metagraph = stored.metagraph;
  return { metagraph, syncedAtMs: stored.syncedAtMs };
}

/**
 * The metagraph's content without the block it was read at: two reads with equal fingerprints describe the same
 * subnet state, so watchers are not sent a copy.
 */
export function metagraphFingerprint(metagraph: Metagraph): string {
  const { block: _block, blockHash: _blockHash, ...content } = metagraph;
  return JSON.stringify(content, bigintAsString);
}
