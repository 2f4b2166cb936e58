import { aliceOwnedGenesis, aliceStakedNeuron, mineUntilSettled } from '@taonode/testing';
import {
  CONTAINER_OVERHEAD_BYTES,
  encodeLegacyWeightsPayload,
  parseTleCiphertext,
  roundAtTime,
} from '@taonode/timelock';
import { Keypair } from '@taonode/wallet';
import { commitTimelockedWeights, findEvent } from '../src';
import { useChainDevnet } from './support/chain-devnet';

// The devnet's default (spec-233) runtime has `commit_crv3_weights` (no CommitRevealWeightsVersion: a v3 runtime) and the
// drand pallet with its default quicknet configuration. It stores timelocked commits but cannot reveal them, so
// this checks what reaches the chain: the call, the event, and the stored ciphertext and reveal round.
const validator = Keypair.fromUri('//Alice//validator');
const NETUID = 1;
const genesis = aliceOwnedGenesis({
  balances: [['//Alice//validator', '1000000000000']],
  subnets: [
    {
      netuid: NETUID,
      hyperparameters: { commitRevealWeightsEnabled: true, tempo: 50, revealPeriodEpochs: 1, weightsSetRateLimit: 0 },
      neurons: [aliceStakedNeuron('//Alice//validator')],
    },
  ],
});

describe('timelocked weights commit against the devnet', () => {
  const chain = useChainDevnet(genesis);

  it('submits commit_crv3_weights with a legacy payload encrypted to the chain beacon for the reveal round', async () => {
    const weights = { uids: [0], values: [65535] };
    const startedAt = Date.now() / 1000;
    const result = await mineUntilSettled(
      chain.devnet,
      commitTimelockedWeights(chain.client, chain.submitter, validator, { netuid: NETUID, weights, versionKey: 0n }),
    );
    expect(result.call).toBe('commitCrv3Weights');
    expect(result.version).toBe(3);
    const payloadLength = encodeLegacyWeightsPayload({ ...weights, versionKey: 0n }).length;
    expect(result.commit.length).toBe(payloadLength + CONTAINER_OVERHEAD_BYTES);
    expect(parseTleCiphertext(result.commit).nonce.length).toBe(12);
    // A round at least as late as quicknet's current one (the reveal is in the future).
    expect(result.revealRound).toBeGreaterThan(
      roundAtTime(result.context.beacon ?? { genesisTime: 0, period: 1 }, startedAt) - 24,
    );
    expect(findEvent(result.submission, 'subtensorModule', 'CRV3WeightsCommitted')).toEqual([
      validator.ss58Address,
      NETUID,
      result.commitHash,
    ]);
    const stored = await chain.client.api.query.subtensorModule?.crv3WeightCommits?.at(
      result.submission.blockHash ?? '',
      NETUID,
      result.commitEpoch,
    );
    expect(stored?.toJSON()).toEqual([
      [validator.ss58Address, `0x${Buffer.from(result.commit).toString('hex')}`, result.revealRound],
    ]);
  });
});
