import { firstValueFrom } from 'rxjs';
import { ChainMetagraphReader } from '@taonode/chain';
import { devnetRuntimes } from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import { toProtoMetagraph } from '../src/grpc/metagraph.mapper';
import { chainSyncGenesis, GENESIS_STAKE_RAO, useChainSyncOnDevnet } from './support/chain-sync-devnet';

const GENESIS = chainSyncGenesis({
  chainName: 'chain-sync runtime-api source',
  hyperparameters: { tempo: 10, burn: '1000000000' },
});

/**
 * chain-sync forced onto the runtime API path (`CHAIN_SYNC_METAGRAPH_SOURCE=runtime-api`) on every runtime the
 * devnet serves (spec 424 where the fixture is present): what it serves equals the storage path's metagraph at
 * the head and at an older block.
 */
describe.each(devnetRuntimes())('chain-sync with CHAIN_SYNC_METAGRAPH_SOURCE=runtime-api ($label)', ({ metadata }) => {
  const chainSync = useChainSyncOnDevnet({
    genesis: GENESIS,
    metadata,
    env: { CHAIN_SYNC_METAGRAPH_SOURCE: 'runtime-api' },
  });

  it('serves, from the runtime API, the metagraph the storage path reads, at the head and at an older block', async () => {
    const storageReader = new ChainMetagraphReader(chainSync.client, { source: 'storage' });
    const older = await chainSync.nextSyncedBlock();
    const head = await chainSync.nextSyncedBlock();
    const latest = await firstValueFrom(chainSync.service.client.getMetagraph({ netuid: 1 }));
    const fromStorage = await storageReader.read(1, head.hash);
    // toMatchObject: proto-loader adds virtual `_field` keys for proto3 `optional` fields (oneofs: true).
    expect(latest.metagraph).toMatchObject(toProtoMetagraph({ ...fromStorage, source: 'runtime-api' }));
    const bob = latest.metagraph?.neurons.find((neuron) => neuron.hotkey === Keypair.fromUri('//Bob//hot').ss58Address);
    expect(bob?.stakeRao).toBe(GENESIS_STAKE_RAO.toString());

    const past = await firstValueFrom(
      chainSync.service.client.getMetagraph({ netuid: 1, block: String(older.number) }),
    );
    expect(past.metagraph).toMatchObject(
      toProtoMetagraph({ ...(await storageReader.read(1, older.hash)), source: 'runtime-api' }),
    );
  });
});
