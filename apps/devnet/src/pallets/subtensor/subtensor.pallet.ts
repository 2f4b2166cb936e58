import type { PalletModule } from '../../runtime/dispatch-context';
import { subtensorBlockStep } from './epoch/block-step';
import { burnedRegister } from './registration/burned-register';
import { registerNetwork } from './registration/register-network';
import { serveAxon, serveAxonTls } from './serving/serve-axon';
import { servePrometheus } from './serving/serve-prometheus';
import { addStake } from './staking/add-stake';
import { removeStake } from './staking/remove-stake';
import { batchCommitWeights, batchRevealWeights, batchSetWeights } from './weights/batch-weights';
import { commitCrv3Weights } from './weights/commit-crv3-weights';
import { commitWeights } from './weights/commit-weights';
import { revealWeights } from './weights/reveal-weights';
import { setWeights } from './weights/set-weights';

/**
 * SubtensorModule (pallet 7) as far as miners and validators use it. `start_call` does not exist in the
 * spec-224 metadata (subnets emit from registration on), so it is not offered.
 */
export const subtensorPallet: PalletModule = {
  name: 'subtensorModule',
  calls: {
    setWeights,
    batchSetWeights,
    commitWeights,
    batchCommitWeights,
    revealWeights,
    batchRevealWeights,
    commitCrv3Weights,
    burnedRegister,
    registerNetwork,
    serveAxon,
    serveAxonTls,
    servePrometheus,
    addStake,
    removeStake,
  },
  onInitialize: subtensorBlockStep,
};
