export { prepareWeights, type PreparedWeights, type ScoreVector, type WeightsLimits } from './prepare-weights';
export {
  readSubnetWeightsState,
  readWeightsActivity,
  type SubnetWeightsState,
  type WeightsActivity,
} from './weights-chain-state';
export {
  describeWeightsOutcome,
  RECHECK_BLOCKS,
  REJECTED_BACKOFF_BLOCKS,
  retryPolicyOf,
  weightsOutcomeOfError,
  type RetryPolicy,
  type WeightsOutcome,
  type WeightsOutcomeKind,
} from './weights-outcome';
export { chooseWeightsPath, readWeightsPathFacts, type WeightsPathFacts, type WeightsPathKind } from './weights-path';
export {
  BUILT_IN_WEIGHTS_STRATEGIES,
  DIRECT_WEIGHTS_STRATEGY,
  HASH_COMMIT_REVEAL_STRATEGY,
  type WeightsChain,
  type WeightsStrategies,
  type WeightsStrategy,
  type WeightsStrategyHooks,
  type WeightsSubmissionIntent,
  type WeightsSubmissionRequest,
} from './weights-strategy';
export { revealPendingWeights, submitWeights, type SubmitWeightsOptions, type WeightsAttempt } from './submit-weights';
export { ALL_WEIGHTS_STRATEGIES } from './all-weights-strategies';
export { TIMELOCKED_WEIGHTS_STRATEGY } from './timelocked-weights.strategy';
