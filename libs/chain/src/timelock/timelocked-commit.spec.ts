import { decodeWeightsPayload, decryptTimelocked, TestBeacon } from '@taonode/timelock';
import { Keypair } from '@taonode/wallet';
import { isChainError } from '../errors/chain.error';
import type { TimelockContext } from './timelock-context';
import { planTimelockedCommit, type TimelockedCommitRequest } from './timelocked-commit';

const beacon = new TestBeacon(Uint8Array.from({ length: 32 }, (_, index) => 7 + index));
const hotkey = Keypair.fromUri('//Alice//validator');
const context: TimelockContext = {
  netuid: 3,
  blockNumber: 500,
  blockHash: '0x00',
  commitRevealEnabled: true,
  commitRevealVersion: 4,
  revealPeriod: 1,
  epochs: {
    model: 'stateful',
    tempo: 100,
    lastEpochBlock: 450,
    pendingEpochAt: 0,
    subnetEpochIndex: 9,
    blocksSinceLastStep: 50,
  },
  beacon: { publicKey: beacon.publicKey, genesisTime: 1_000_000, period: 3 },
  lastStoredRound: 10,
};
const request: TimelockedCommitRequest = {
  netuid: 3,
  weights: { uids: [0, 4], values: [65535, 1000] },
  versionKey: 7n,
  nowSeconds: 1_003_000,
  blockTimeSeconds: 12,
};

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return isChainError(error) ? error.code : 'not a ChainError';
  }
}

describe('planTimelockedCommit', () => {
  it('encrypts a v4 payload with the signing hotkey to the chain beacon, for the round of the reveal epoch', () => {
    const plan = planTimelockedCommit(context, 'commitTimelockedMechanismWeights', hotkey, request);
    // Epoch 10 starts at 550 (lookahead 10 for the commit), epoch 11 at 650; the target 653 is 153 blocks away.
    expect(plan).toMatchObject({ version: 4, commitEpoch: 9, revealEpoch: 10, firstRevealBlock: 550 });
    expect(plan.revealRound).toBe(Math.floor((3000 + 53 * 12) / 3));
    const payload = decodeWeightsPayload(decryptTimelocked(plan.commit, beacon.signRound(plan.revealRound)));
    expect(payload).toEqual({
      format: 'v4',
      hotkey: hotkey.publicKey,
      uids: [0, 4],
      values: [65535, 1000],
      versionKey: 7n,
    });
    expect(() => decryptTimelocked(plan.commit, beacon.signRound(plan.revealRound - 1))).toThrow();
  });

  it('sends the legacy payload (no hotkey) when the chain declares version 3 or has no version item', () => {
    const { commitRevealVersion: _version, ...withoutVersion } = context;
    const plan = planTimelockedCommit(withoutVersion, 'commitCrv3Weights', hotkey, request);
    expect(plan.version).toBe(3);
    const payload = decodeWeightsPayload(decryptTimelocked(plan.commit, beacon.signRound(plan.revealRound)));
    expect(payload.format).toBe('v3');
  });

  it('makes a different commit each time for the same weights', () => {
    const first = planTimelockedCommit(context, 'commitTimelockedMechanismWeights', hotkey, request);
    const second = planTimelockedCommit(context, 'commitTimelockedMechanismWeights', hotkey, request);
    expect(first.revealRound).toBe(second.revealRound);
    expect(first.commitHash).not.toBe(second.commitHash);
  });

  it.each([
    [
      'commit-reveal off',
      { ...context, commitRevealEnabled: false },
      'commitTimelockedMechanismWeights',
      request,
      'TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH',
    ],
    ['no timelocked call', context, undefined, request, 'TAONODE_CHAIN_UNSUPPORTED'],
    ['version 4 with only commit_crv3_weights', context, 'commitCrv3Weights', request, 'TAONODE_CHAIN_UNSUPPORTED'],
    [
      'a mechanism without the mechanism call',
      context,
      'commitTimelockedWeights',
      { ...request, mechanismId: 1 },
      'TAONODE_CHAIN_UNSUPPORTED',
    ],
    [
      'more uids than the 5000-byte commit holds',
      context,
      'commitTimelockedMechanismWeights',
      {
        ...request,
        weights: { uids: Array.from({ length: 1200 }, (_, uid) => uid), values: new Array<number>(1200).fill(1) },
      },
      'TAONODE_CHAIN_INVALID_ARGUMENT',
    ],
  ] as const)('refuses %s', (_what, given, call, asked, code) => {
    expect(codeOf(() => planTimelockedCommit(given, call, hotkey, asked))).toBe(code);
  });
});
