import { commitTimelockedWeights } from '../timelock/timelocked-commit';
import type { WeightsStrategy } from './weights-strategy';

/**
 * Commit-reveal v3/v4: a drand-timelocked commit (`commitTimelockedWeights`, libs/chain/src/timelock) that the
 * chain decrypts and applies by itself at the reveal round — nothing to store, nothing to reveal. The intent is
 * the plain one: the commit moves `LastUpdate`, which is what reconciliation looks at.
 */
export const TIMELOCKED_WEIGHTS_STRATEGY: WeightsStrategy = {
  path: 'timelocked',
  async submit(chain, request, hooks) {
    await hooks.beforeSubmit({
      path: 'timelocked',
      netuid: request.netuid,
      mechanismId: request.mechanismId,
      hotkey: chain.hotkey.ss58Address,
      lastUpdateSeen: request.preflight.lastUpdate,
      decidedAtBlock: request.preflight.currentBlock,
    });
    const result = await commitTimelockedWeights(chain.client, chain.submitter, chain.hotkey, {
      netuid: request.netuid,
      mechanismId: request.mechanismId,
      weights: request.weights,
      versionKey: request.versionKey,
      waitFor: request.waitFor,
    });
    return {
      kind: 'timelocked-committed',
      block: result.submission.blockNumber ?? null,
      weights: request.weights,
      revealRound: result.revealRound,
      firstRevealBlock: result.firstRevealBlock,
      commitHash: result.commitHash,
    };
  },
};
