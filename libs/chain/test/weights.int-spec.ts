import type { Option, u16, u64, Vec } from '@polkadot/types';
import type { H256 } from '@polkadot/types/interfaces';
import type { ITuple } from '@polkadot/types/types';
import { aliceOwnedGenesis, aliceStakedNeuron, devnetRuntimes, mineUntilSettled } from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import {
  bestBlock,
  commitWeights,
  findEvent,
  nextStatefulEpochBlock,
  preflightWeights,
  readCommitRevealTiming,
  revealWeights,
  revealWindow,
  setWeights,
} from '../src';
import { useChainDevnet } from './support/chain-devnet';
import { caught } from './support/chain-spec.helpers';

const validator = Keypair.fromUri('//Alice//validator');
const OPEN = 1;
/**
 * Long enough that the blocks built while the too-early reveal is in flight can never reach the reveal
 * window, whatever the machine's load (the test aligns the commit with the start of an epoch).
 */
const COMMIT_REVEAL_TEMPO = 100;
const COMMIT_REVEAL = 2;
const SLOW = 3;

const genesis = aliceOwnedGenesis({
  balances: [['//Alice//validator', '1000000000000']],
  subnets: [
    { netuid: OPEN, hyperparameters: { weightsSetRateLimit: 0 } },
    {
      netuid: COMMIT_REVEAL,
      hyperparameters: { commitRevealWeightsEnabled: true, tempo: COMMIT_REVEAL_TEMPO, revealPeriodEpochs: 1 },
    },
    { netuid: SLOW, hyperparameters: { weightsSetRateLimit: 100 } },
  ].map((subnet) => ({ ...subnet, neurons: [aliceStakedNeuron('//Alice//validator')] })),
});

describe.each(devnetRuntimes())('weight setting against the devnet ($label)', ({ metadata }) => {
  const chain = useChainDevnet(genesis, metadata);

  /** The first block of the commit-reveal subnet's next epoch after `head`, in the runtime's epoch rule. */
  const nextEpochStart = async (head: number): Promise<number> => {
    const query = chain.client.api.query.subtensorModule;
    if (query?.subnetEpochIndex === undefined) {
      return revealWindow({
        netuid: COMMIT_REVEAL,
        tempo: COMMIT_REVEAL_TEMPO,
        revealPeriodEpochs: 1,
        commitBlock: head + 1,
      }).firstBlock;
    }
    const read = async (item: string): Promise<number> => Number((await query[item]?.(COMMIT_REVEAL))?.toString());
    return nextStatefulEpochBlock(
      {
        tempo: await read('tempo'),
        subnetEpochIndex: await read('subnetEpochIndex'),
        lastEpochBlock: await read('lastEpochBlock'),
        pendingEpochAt: await read('pendingEpochAt'),
      },
      head,
    );
  };

  it('sets weights with the SDK conversion and the call this runtime has', async () => {
    const preflight = await preflightWeights(chain.client, OPEN, validator.ss58Address);
    const result = await mineUntilSettled(
      chain.devnet,
      setWeights(chain.client, chain.submitter, validator, { netuid: OPEN, uids: [0, 1], weights: [0.25, 0.75] }),
    );
    expect(result.weights).toEqual({ uids: [0, 1], values: [21845, 65535] });
    expect(findEvent(result.submission, 'subtensorModule', 'WeightsSet')).toEqual([OPEN, preflight.uid]);
    const stored = (await chain.client.api.query.subtensorModule?.weights?.at(
      result.submission.blockHash ?? '',
      OPEN,
      preflight.uid,
    )) as Vec<ITuple<[u16, u16]>>;
    expect(stored.map(([uid, value]) => [uid.toNumber(), value.toNumber()])).toEqual([
      [0, 21845],
      [1, 65535],
    ]);
    // Spec 424 offers set_mechanism_weights (mechanism 0 is the subnet's own weights); 233 only set_weights.
    expect(chain.client.features.setWeightsCall()).toBe(metadata === undefined ? 'setWeights' : 'setMechanismWeights');
  });

  it('refuses before submitting when the rate-limit window has not elapsed', async () => {
    const preflight = await preflightWeights(chain.client, SLOW, validator.ss58Address);
    expect(preflight.weightsRateLimit).toBe(100);
    expect(preflight.rateLimitElapsed).toBe(false);
    const nonceBefore = (await chain.client.api.rpc.system.accountNextIndex(validator.ss58Address)).toNumber();
    const error = await caught(
      setWeights(chain.client, chain.submitter, validator, { netuid: SLOW, uids: [1], weights: [1] }),
    );
    expect(error.code).toBe('TAONODE_CHAIN_WEIGHTS_RATE_LIMITED');
    expect((await chain.client.api.rpc.system.accountNextIndex(validator.ss58Address)).toNumber()).toBe(nonceBefore);
  });

  it('refuses a hotkey that is not registered', async () => {
    const stranger = Keypair.fromUri('//Stranger');
    const error = await caught(
      setWeights(chain.client, chain.submitter, stranger, { netuid: OPEN, uids: [0], weights: [1] }),
    );
    expect(error.code).toBe('TAONODE_CHAIN_NOT_REGISTERED');
  });

  it('commits and reveals on a commit-reveal subnet, with the commit hash the chain checks', async () => {
    const direct = await caught(
      setWeights(chain.client, chain.submitter, validator, { netuid: COMMIT_REVEAL, uids: [0], weights: [1] }),
    );
    expect(direct.code).toBe('TAONODE_CHAIN_COMMIT_REVEAL_MISMATCH');

    // Commit on the first block of an epoch, so the reveal window opens a whole tempo later.
    const before = (await chain.client.call('head', (api) => bestBlock(api))).number;
    const nextEpoch = await nextEpochStart(before);
    if (nextEpoch - 1 > before) {
      await chain.devnet.newBlock(nextEpoch - 1 - before);
    }
    const { submission, reveal } = await mineUntilSettled(
      chain.devnet,
      commitWeights(chain.client, chain.submitter, validator, { netuid: COMMIT_REVEAL, uids: [0, 1], weights: [1, 3] }),
    );
    const commits = (await chain.client.api.query.subtensorModule?.weightCommits?.at(
      submission.blockHash ?? '',
      COMMIT_REVEAL,
      validator.ss58Address,
    )) as Option<Vec<ITuple<[H256, u64, u64, u64]>>>;
    expect(commits.unwrap().map(([hash]) => hash.toHex())).toEqual([reveal.commitHash]);

    // The window in the runtime's own epoch rule: a whole tempo after the epoch the commit was made in.
    const { window } = await readCommitRevealTiming(chain.client, { ...reveal, commitBlock: submission.blockNumber });
    if (window === undefined) {
      throw new Error('the commit has a reveal window');
    }
    expect(window.firstBlock).toBe(
      nextEpoch + (metadata === undefined ? COMMIT_REVEAL_TEMPO + 1 : COMMIT_REVEAL_TEMPO),
    );
    const tooEarly = await caught(
      mineUntilSettled(chain.devnet, revealWeights(chain.client, chain.submitter, validator, reveal)),
    );
    expect(tooEarly.moduleError).toBe('subtensorModule.RevealTooEarly');
    // The reveal goes into the block after the head: build blocks up to the one before the window opens.
    const head = (await chain.client.call('head', (api) => bestBlock(api))).number;
    if (window.firstBlock - 1 > head) {
      await chain.devnet.newBlock(window.firstBlock - 1 - head);
    }
    const revealed = await mineUntilSettled(
      chain.devnet,
      revealWeights(chain.client, chain.submitter, validator, reveal),
    );
    // In the window (the first block of it unless a block was built before the reveal reached the pool).
    expect(revealed.blockNumber).toBeGreaterThanOrEqual(window.firstBlock);
    expect(revealed.blockNumber).toBeLessThanOrEqual(window.lastBlock);
    expect(findEvent(revealed, 'subtensorModule', 'WeightsRevealed')?.[2]).toBe(reveal.commitHash);
    // Two tempos of blocks: generous, so a loaded machine does not fail it.
  }, 300_000);
});
