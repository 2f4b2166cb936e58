import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { aliceOwnedGenesis, aliceStakedNeuron, devnetRuntimes, mineUntilSettled } from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import {
  addStakeCall,
  commitWeightsCall,
  encodeIp,
  revealWeightsCall,
  serveAxonCall,
  setWeightsCall,
  type AxonAnnouncement,
  type ChainError,
} from '../src';
import { useChainDevnet } from './support/chain-devnet';
import { caught } from './support/chain-spec.helpers';

/*
 * The same refusal, whichever runtime makes it: spec 424 refuses rate-limited weights, reveals without their
 * commit and bad `serve_axon` calls at submission (`1010 … Custom error: n`), where spec 233 includes them and
 * fails them; spec 233 refuses weights without stake and bad staking input at submission, where spec 424 fails
 * staking at dispatch. The client names each one with the same pallet error.
 */

const validator = Keypair.fromUri('//Alice//validator');
const committer = Keypair.fromUri('//Alice//committer');
const revealer = Keypair.fromUri('//Alice//revealer');
const light = Keypair.fromUri('//Alice//light');
const server = Keypair.fromUri('//Alice//server');
const stranger = Keypair.fromUri('//Nobody//hot');
const staker = Keypair.fromUri('//Staker');
const ONE_TAO = 1_000_000_000n;
const OPEN = 1;
const COMMIT_REVEAL = 2;

const genesis = aliceOwnedGenesis({
  balances: [['//Staker', '100000000000']],
  chain: { stakeThreshold: '1000000' },
  subnets: [
    {
      netuid: OPEN,
      hyperparameters: { weightsSetRateLimit: 100, servingRateLimit: 50 },
      neurons: [
        aliceStakedNeuron('//Alice//validator'),
        { hotkey: '//Alice//light', coldkey: '//Alice' },
        aliceStakedNeuron('//Alice//server'),
      ],
    },
    {
      netuid: COMMIT_REVEAL,
      hyperparameters: { commitRevealWeightsEnabled: true, weightsSetRateLimit: 100, tempo: 100 },
      neurons: [aliceStakedNeuron('//Alice//committer'), aliceStakedNeuron('//Alice//revealer')],
    },
  ],
});

describe.each(devnetRuntimes())('pool refusals and failed extrinsics name the same error ($label)', ({ metadata }) => {
  const chain = useChainDevnet(genesis, metadata);
  /** Where spec 424 refuses in the pool, the message says so; spec 233 includes the call and fails it. */
  const refusedInPoolOn424 = (error: ChainError): void => {
    expect(error.message).toContain(metadata === undefined ? 'failed' : 'refused at submission (Custom error:');
  };

  const submit = (call: SubmittableExtrinsic<'promise'>, signer: Keypair) =>
    mineUntilSettled(chain.devnet, chain.submitter.submit(call, signer));
  const refusal = async (call: SubmittableExtrinsic<'promise'>, signer: Keypair): Promise<ChainError> => {
    const error = await caught(submit(call, signer));
    expect(error.code).toBe('TAONODE_CHAIN_MODULE_ERROR');
    return error;
  };
  const axon = (overrides: Partial<AxonAnnouncement> = {}): AxonAnnouncement => ({
    netuid: OPEN,
    version: 1,
    ...encodeIp('198.51.100.7'),
    port: 8091,
    ...overrides,
  });

  it('set_weights within the rate limit → SettingWeightsTooFast', async () => {
    const weights = { uids: [0, 1], values: [65535, 100] };
    await submit(setWeightsCall(chain.client.api, OPEN, weights, 0n), validator);
    const error = await refusal(setWeightsCall(chain.client.api, OPEN, weights, 0n), validator);
    expect(error.moduleError).toBe('subtensorModule.SettingWeightsTooFast');
    refusedInPoolOn424(error);
  });

  it('a second commit within the rate limit → CommittingWeightsTooFast', async () => {
    await submit(commitWeightsCall(chain.client.api, COMMIT_REVEAL, `0x${'11'.repeat(32)}`), committer);
    const error = await refusal(commitWeightsCall(chain.client.api, COMMIT_REVEAL, `0x${'22'.repeat(32)}`), committer);
    expect(error.moduleError).toBe('subtensorModule.CommittingWeightsTooFast');
    refusedInPoolOn424(error);
  });

  it('a reveal without a commit → NoWeightsCommitFound', async () => {
    const error = await refusal(
      revealWeightsCall(chain.client.api, COMMIT_REVEAL, { uids: [0], values: [65535] }, [1, 2, 3], 0n),
      revealer,
    );
    expect(error.moduleError).toBe('subtensorModule.NoWeightsCommitFound');
    refusedInPoolOn424(error);
  });

  it('weights from a hotkey below StakeThreshold → NotEnoughStakeToSetWeights (in the pool on both)', async () => {
    const error = await refusal(setWeightsCall(chain.client.api, OPEN, { uids: [1], values: [65535] }, 0n), light);
    expect(error.moduleError).toBe('subtensorModule.NotEnoughStakeToSetWeights');
    expect(error.message).toContain('refused at submission (Custom error: 1)');
  });

  it.each([
    ['an unregistered hotkey', 'HotKeyNotRegisteredInNetwork', stranger, {}],
    ['127.0.0.1', 'InvalidIpAddress', server, encodeIp('127.0.0.1')],
    ['255.255.255.255', 'InvalidIpAddress', server, encodeIp('255.255.255.255')],
    ['::1', 'InvalidIpAddress', server, encodeIp('::1')],
    ['port 0', 'InvalidPort', server, { port: 0 }],
    ['ip type 5', 'InvalidIpType', server, { ipType: 5 as 4 }],
  ])('serve_axon with %s → %s', async (_, expected, signer, overrides) => {
    const error = await refusal(serveAxonCall(chain.client.api, axon(overrides)), signer);
    expect(error.moduleError).toBe(`subtensorModule.${expected}`);
    refusedInPoolOn424(error);
  });

  it('serve_axon again within ServingRateLimit → ServingRateLimitExceeded', async () => {
    await submit(serveAxonCall(chain.client.api, axon()), server);
    const error = await refusal(serveAxonCall(chain.client.api, axon({ port: 8092 })), server);
    expect(error.moduleError).toBe('subtensorModule.ServingRateLimitExceeded');
    refusedInPoolOn424(error);
  });

  it('serve_axon at 0.0.0.0: accepted by spec 424 (axons only), InvalidIpAddress on spec 233', async () => {
    const zero = serveAxonCall(chain.client.api, axon({ netuid: COMMIT_REVEAL, ip: 0n }));
    if (metadata === undefined) {
      expect((await refusal(zero, committer)).moduleError).toBe('subtensorModule.InvalidIpAddress');
      return;
    }
    const result = await submit(zero, committer);
    const stored = await chain.client.api.query.subtensorModule?.axons?.at(
      result.blockHash ?? '',
      COMMIT_REVEAL,
      committer.ss58Address,
    );
    expect((stored?.toJSON() as { ip?: number } | undefined)?.ip).toBe(0);
  });

  it('add_stake below the minimum stake plus fee → AmountTooLow; the minimum itself is staked', async () => {
    // DefaultMinStake (500,000 rao at 233; the metadata's InitialMinStake, 2,000,000, at 424) + the 50,000 fee.
    const minimum = metadata === undefined ? 550_000n : 2_050_000n;
    const error = await refusal(addStakeCall(chain.client.api, validator.ss58Address, OPEN, minimum - 1n), staker);
    expect(error.moduleError).toBe('subtensorModule.AmountTooLow');
    expect(error.message).toContain(metadata === undefined ? 'refused at submission (Custom error: 1)' : 'failed');
    await submit(addStakeCall(chain.client.api, validator.ss58Address, OPEN, minimum), staker);
  });

  it('add_stake to a hotkey nobody owns → HotKeyAccountNotExists', async () => {
    const error = await refusal(addStakeCall(chain.client.api, stranger.ss58Address, OPEN, ONE_TAO), staker);
    expect(error.moduleError).toBe('subtensorModule.HotKeyAccountNotExists');
  });
});
