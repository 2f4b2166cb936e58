import type { Metagraph, NeuronInfo, SubnetHyperparameters } from '@taonode/chain';

/** A deterministic ss58-looking address per index (the factory never decodes it). */
export function fakeAddress(kind: 'hot' | 'cold', index: number): string {
  return `5${kind === 'hot' ? 'H' : 'C'}${String(index).padStart(46, '0')}`;
}

/** Mainnet-like hyperparameters of one subnet, with `overrides` on top. */
export function buildHyperparameters(overrides: Partial<SubnetHyperparameters> = {}): SubnetHyperparameters {
  return {
    tempo: 360,
    immunityPeriod: 5000,
    minAllowedWeights: 1,
    maxWeightsLimit: 65535,
    weightsVersionKey: 0n,
    weightsRateLimit: 100,
    commitRevealWeightsEnabled: false,
    revealPeriodEpochs: 1,
    servingRateLimit: 50,
    maxAllowedUids: 256,
    maxAllowedValidators: 64,
    activityCutoff: 5000,
    registrationAllowed: true,
    burnRao: 1_000_000_000n,
    difficulty: 10_000_000n,
    rho: 10,
    kappa: 32767,
    minDifficulty: 10_000_000n,
    maxDifficulty: 18_446_744_073_709_551_615n,
    minBurnRao: 500_000_000n,
    maxBurnRao: 100_000_000_000n,
    adjustmentInterval: 112,
    adjustmentAlpha: 17_893_341_751_498_265_066n,
    targetRegistrationsPerInterval: 2,
    maxRegistrationsPerBlock: 1,
    bondsMovingAverage: 900_000n,
    powRegistrationAllowed: false,
    liquidAlphaEnabled: false,
    alphaHigh: 58982,
    alphaLow: 45875,
    ...overrides,
  };
}

/** Neuron `uid` with every field derived from the uid (stake, emission, consensus, …), `overrides` on top. */
export function buildNeuron(uid: number, overrides: Partial<NeuronInfo> = {}): NeuronInfo {
  const stakeRao = BigInt(uid + 1) * 1_000_000_000n + 123n;
  return {
    uid,
    hotkey: fakeAddress('hot', uid),
    coldkey: fakeAddress('cold', uid),
    active: true,
    axon: {
      block: 10 + uid,
      version: 1,
      ip: `10.0.0.${uid % 250}`,
      port: 8091,
      ipType: 4,
      protocol: 4,
      isServing: true,
    },
    prometheus: { block: 0, version: 0, ip: '0.0.0.0', port: 0, ipType: 0 },
    stakeRao,
    stake: Number(stakeRao) / 1e9,
    alphaStake: Number(stakeRao) / 1e9,
    taoStake: (Number(stakeRao) / 1e9) * 0.18,
    totalStake: Number(stakeRao) / 1e9,
    rank: 0,
    trust: 0,
    consensus: uid / 65535,
    incentive: 0.25,
    dividends: 0.5,
    validatorTrust: 0.75,
    validatorPermit: uid % 2 === 0,
    emissionRao: 9_000_000_000_000_000_001n + BigInt(uid),
    emission: 9_000_000_000 + uid / 1e9,
    lastUpdate: 100 + uid,
    blockAtRegistration: uid,
    pruningScore: 0,
    ...overrides,
  };
}

/** What {@link buildMetagraph} builds; everything defaults (subnet 1, block 100, 4 neurons). */
export interface MetagraphSpec {
  readonly netuid?: number;
  readonly block?: number;
  readonly n?: number;
  readonly hyperparameters?: Partial<SubnetHyperparameters>;
  /** Applied to every neuron, after the per-uid defaults. */
  readonly neuron?: (uid: number) => Partial<NeuronInfo>;
}

/** A deterministic block hash for a block number (the number, hex, left-padded). */
export function blockHashOf(block: number): `0x${string}` {
  return `0x${block.toString(16).padStart(64, '0')}`;
}

/** A metagraph with `n` neurons whose fields all differ per uid (so a mapping slip shows). */
export function buildMetagraph(spec: MetagraphSpec = {}): Metagraph {
  const n = spec.n ?? 4;
  const block = spec.block ?? 100;
  return {
    netuid: spec.netuid ?? 1,
    block,
    blockHash: blockHashOf(block),
    n,
    hyperparameters: buildHyperparameters(spec.hyperparameters),
    neurons: Array.from({ length: n }, (_, uid) => buildNeuron(uid, spec.neuron?.(uid))),
    source: 'runtime-api',
  };
}
