import { devnetRuntimes, mineUntilSettled, startDevnet, type LaunchedDevnet } from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import { burnedRegisterCall, ChainClient, ExtrinsicSubmitter, readBalance, registerNeuron, transferCall } from '../src';
import { caught } from './support/chain-spec.helpers';

const alice = Keypair.fromUri('//Alice');
const dave = Keypair.fromUri('//Dave');
const ONE_TAO = 1_000_000_000n;

describe.each(devnetRuntimes())('extrinsic submitter against the devnet ($label)', ({ metadata }) => {
  let devnet: LaunchedDevnet;
  let client: ChainClient;

  beforeAll(async () => {
    devnet = await startDevnet({ manual: true, metadata });
    client = await ChainClient.connect({ chainEndpoint: devnet.url });
  }, 60_000);

  afterAll(async () => {
    await client?.disconnect();
    await devnet?.stop();
  });

  it('gives concurrent submissions from one key consecutive nonces, all included', async () => {
    const submitter = new ExtrinsicSubmitter(client);
    const recipients = ['//R1', '//R2', '//R3', '//R4', '//R5'].map((uri) => Keypair.fromUri(uri).ss58Address);
    const results = await mineUntilSettled(
      devnet,
      Promise.all(
        recipients.map((to) =>
          submitter.submit(transferCall(client.api, to, ONE_TAO), alice, { waitFor: 'finalized' }),
        ),
      ),
    );
    const nonces = results.map((result) => result.nonce).sort((a, b) => a - b);
    expect(nonces).toEqual(nonces.map((_, index) => (nonces[0] ?? 0) + index));
    const balances = await Promise.all(recipients.map((to) => readBalance(client, to)));
    expect(balances.map((balance) => balance.freeRao)).toEqual(recipients.map(() => ONE_TAO));
  });

  it('charges exactly the amount plus the fee it reports, close to the estimate', async () => {
    const submitter = new ExtrinsicSubmitter(client);
    const to = Keypair.fromUri('//FeeCheck').ss58Address;
    const call = transferCall(client.api, to, 3n * ONE_TAO);
    const estimate = await submitter.estimateFee(call, dave.ss58Address);
    const before = await readBalance(client, dave.ss58Address);
    const result = await mineUntilSettled(devnet, submitter.submit(call, dave, { waitFor: 'finalized' }));
    const after = await readBalance(client, dave.ss58Address);
    expect(result.status).toBe('finalized');
    expect(result.feeRao).toBeGreaterThan(0n);
    expect(before.freeRao - after.freeRao).toBe(3n * ONE_TAO + (result.feeRao ?? 0n));
    expect(estimate).toBe(result.feeRao);
  });

  it('signs with a mortal era of 128 blocks born at the finalized head, as the SDK', async () => {
    const submitter = new ExtrinsicSubmitter(client);
    const to = Keypair.fromUri('//Era').ss58Address;
    const result = await mineUntilSettled(devnet, submitter.submit(transferCall(client.api, to, ONE_TAO), dave));
    const block = await client.api.rpc.chain.getBlock(result.blockHash);
    const extrinsic = block.block.extrinsics.find((candidate) => candidate.hash.toHex() === result.txHash);
    expect(extrinsic?.era.isMortalEra).toBe(true);
    expect(extrinsic?.era.asMortalEra.period.toNumber()).toBe(128);
    const birth = extrinsic?.era.asMortalEra.birth(result.blockNumber ?? 0) ?? -1;
    expect(birth).toBeLessThan(result.blockNumber ?? 0);
    expect(extrinsic?.nonce.toNumber()).toBe(result.nonce);
  });

  it('names pallet errors: registering a hotkey twice fails with subtensorModule.HotKeyAlreadyRegisteredInSubNet', async () => {
    const submitter = new ExtrinsicSubmitter(client);
    const hotkey = Keypair.fromUri('//Alice//twice').ss58Address;
    await mineUntilSettled(devnet, registerNeuron(client, submitter, alice, hotkey, 1));
    const error = await caught(
      mineUntilSettled(devnet, submitter.submit(burnedRegisterCall(client.api, 1, hotkey), alice)),
    );
    expect(error.code).toBe('TAONODE_CHAIN_MODULE_ERROR');
    expect(error.moduleError).toBe('subtensorModule.HotKeyAlreadyRegisteredInSubNet');
  });

  it('re-syncs and resubmits when its nonce is outdated', async () => {
    const ours = new ExtrinsicSubmitter(client);
    const other = new ExtrinsicSubmitter(client);
    const to = Keypair.fromUri('//Outdated').ss58Address;
    await mineUntilSettled(devnet, ours.submit(transferCall(client.api, to, ONE_TAO), dave));
    // Another process uses the next nonce behind our back: our local view is now stale.
    await mineUntilSettled(devnet, other.submit(transferCall(client.api, to, ONE_TAO), dave));
    const result = await mineUntilSettled(
      devnet,
      ours.submit(transferCall(client.api, to, ONE_TAO), dave, { waitFor: 'finalized' }),
    );
    expect(result.resubmissions).toBe(1);
    expect((await readBalance(client, to)).freeRao).toBe(3n * ONE_TAO);
  });

  it('re-syncs and resubmits when another transaction holds its nonce in the pool (priority too low)', async () => {
    const ours = new ExtrinsicSubmitter(client);
    const other = new ExtrinsicSubmitter(client);
    const to = Keypair.fromUri('//Priority').ss58Address;
    await mineUntilSettled(devnet, ours.submit(transferCall(client.api, to, ONE_TAO), dave));
    // The other submitter puts a transaction with our next nonce into the pool; no block yet.
    const pending = await other.submit(transferCall(client.api, to, ONE_TAO), dave, { waitFor: 'pool' });
    const result = await mineUntilSettled(
      devnet,
      ours.submit(transferCall(client.api, to, ONE_TAO), dave, { waitFor: 'finalized' }),
    );
    expect(result.resubmissions).toBe(1);
    expect(result.nonce).toBe(pending.nonce + 1);
    expect((await readBalance(client, to)).freeRao).toBe(3n * ONE_TAO);
  });

  it('stops waiting at the inclusion deadline with TAONODE_CHAIN_TIMEOUT', async () => {
    const submitter = new ExtrinsicSubmitter(client);
    const to = Keypair.fromUri('//Deadline').ss58Address;
    const error = await caught(
      submitter.submit(transferCall(client.api, to, ONE_TAO), dave, { inBlockTimeoutMs: 200 }),
    );
    expect(error.code).toBe('TAONODE_CHAIN_TIMEOUT');
    await devnet.newBlock();
  });

  it('refuses an account that cannot pay with TAONODE_CHAIN_INVALID_TRANSACTION', async () => {
    const submitter = new ExtrinsicSubmitter(client);
    const broke = Keypair.fromUri('//Broke');
    const error = await caught(submitter.submit(transferCall(client.api, dave.ss58Address, ONE_TAO), broke));
    expect(error.code).toBe('TAONODE_CHAIN_INVALID_TRANSACTION');
  });
});
