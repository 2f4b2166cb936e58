import { hexToU8a } from '@polkadot/util';
import { aliceOwnedGenesis, spec424MetadataFile, startDevnet, type LaunchedDevnet } from '@taonode/testing';
import { DRAND_QUICKNET, revealSchedule, verifyPulse } from '@taonode/timelock';
import { ChainClient, readTimelockContext } from '../src';

// The devnet serves its default (spec-233) metadata: no SubnetEpochIndex and no CommitRevealWeightsVersion, so the reader
// falls back to the modulo epoch model; the Drand pallet exists there and the devnet runs its own test beacon in it.
const NETUID = 2;
const genesis = aliceOwnedGenesis({
  subnets: [
    { netuid: NETUID, hyperparameters: { commitRevealWeightsEnabled: true, tempo: 77, revealPeriodEpochs: 3 } },
  ],
});

describe('readTimelockContext against the devnet', () => {
  let devnet: LaunchedDevnet;
  let client: ChainClient;

  beforeAll(async () => {
    devnet = await startDevnet({ manual: true, genesis });
    client = await ChainClient.connect({ chainEndpoint: devnet.url });
    await devnet.newBlock(2);
  }, 60_000);

  afterAll(async () => {
    await client?.disconnect();
    await devnet?.stop();
  });

  it('reads the subnet settings and the modulo epoch model at the best block', async () => {
    const context = await readTimelockContext(client, NETUID);
    const header = await client.api.rpc.chain.getHeader();
    expect(context.blockNumber).toBe(header.number.toNumber());
    expect(context).toMatchObject({
      netuid: NETUID,
      commitRevealEnabled: true,
      revealPeriod: 3,
      epochs: { model: 'modulo', netuid: NETUID, tempo: 77 },
    });
    expect(context.commitRevealVersion).toBeUndefined();
    // The devnet's own beacon: quicknet's clock, its own key — the key read must verify the pulse the chain stored.
    const beacon = context.beacon;
    if (beacon === undefined) {
      throw new Error('no Drand.BeaconConfig read from the devnet');
    }
    expect(beacon.genesisTime).toBe(DRAND_QUICKNET.genesisTime);
    expect(beacon.period).toBe(DRAND_QUICKNET.period);
    const round = context.lastStoredRound ?? 0;
    expect(round).toBeGreaterThan(0);
    const pulses = client.api.query['drand']?.['pulses'];
    if (pulses === undefined) {
      throw new Error('the devnet has no Drand.Pulses');
    }
    const pulse = (await pulses(round)) as unknown as { unwrap(): { signature: { toHex(): string } } };
    const signature = hexToU8a(pulse.unwrap().signature.toHex());
    expect(verifyPulse(beacon.publicKey, round, signature)).toBe(true);
    expect(verifyPulse(beacon.publicKey, round + 1, signature)).toBe(false);
    expect(context.timestampSeconds).toBeGreaterThan(DRAND_QUICKNET.genesisTime);
  });
});

// On the real spec-424 metadata (when its fixture is present) the runtime declares SubnetEpochIndex and
// CommitRevealWeightsVersion: the reader must switch to the stateful epoch model and read the version (default 4).
const METADATA_424 = spec424MetadataFile();
(METADATA_424 === undefined ? describe.skip : describe)('readTimelockContext on the spec-424 metadata', () => {
  let devnet: LaunchedDevnet;
  let client: ChainClient;

  beforeAll(async () => {
    devnet = await startDevnet({ manual: true, genesis, metadata: METADATA_424 });
    client = await ChainClient.connect({ chainEndpoint: devnet.url });
    await devnet.newBlock(2);
  }, 60_000);

  afterAll(async () => {
    await client?.disconnect();
    await devnet?.stop();
  });

  it('reads the stateful epoch state and CommitRevealWeightsVersion', async () => {
    const context = await readTimelockContext(client, NETUID);
    expect(context).toMatchObject({
      commitRevealEnabled: true,
      commitRevealVersion: 4,
      revealPeriod: 3,
      epochs: { model: 'stateful', tempo: 77 },
    });
    expect(context.beacon?.period).toBe(DRAND_QUICKNET.period);
  });

  it('predicts the block in which the devnet starts the reveal epoch (revealSchedule on the stateful state)', async () => {
    const context = await readTimelockContext(client, NETUID);
    const schedule = revealSchedule(context.epochs, context.blockNumber, context.revealPeriod);
    const read = async (item: string): Promise<number> =>
      Number((await client.api.query.subtensorModule?.[item]?.(NETUID))?.toString());
    // Every epoch until then comes a tempo after the last one; the reveal epoch starts in firstRevealBlock.
    await devnet.newBlock(schedule.firstRevealBlock - 1 - context.blockNumber);
    expect(await read('subnetEpochIndex')).toBe(schedule.revealEpoch - 1);
    await devnet.newBlock(1);
    expect(await read('subnetEpochIndex')).toBe(schedule.revealEpoch);
    expect(await read('lastEpochBlock')).toBe(schedule.firstRevealBlock);
  }, 300_000);
});
