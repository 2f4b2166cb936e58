export { weightCommitHash, weightCommitPreimage, mechanismStorageIndex, type WeightCommit } from './commit-hash';
export {
  convertWeightsAndUidsForEmit,
  roundHalfEven,
  InvalidWeightsError,
  type EmittableWeights,
} from './convert-weights';
export { normalizeMaxWeight } from './normalize-max-weight';
export {
  processWeightsForNetuid,
  quantileLinear,
  U16_MAX,
  type ProcessedWeights,
  type ProcessWeightsInput,
} from './process-weights';
export { FLOAT32, FLOAT64, type Precision } from './float32';
