import { TIMELOCKED_WEIGHTS_STRATEGY } from './timelocked-weights.strategy';
import { BUILT_IN_WEIGHTS_STRATEGIES, type WeightsStrategies } from './weights-strategy';

/** Every path: direct, hash commit-reveal and timelocked (CR v3/v4, with libs/chain/src/timelock). */
export const ALL_WEIGHTS_STRATEGIES: WeightsStrategies = {
  ...BUILT_IN_WEIGHTS_STRATEGIES,
  timelocked: TIMELOCKED_WEIGHTS_STRATEGY,
};
