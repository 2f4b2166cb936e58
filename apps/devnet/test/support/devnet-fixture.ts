import type { ApiPromise } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevnet, type DevnetOptions, type RunningDevnet } from '../../src/devnet';
import { connect, type Seal } from './chain-client';

export interface DevAccounts {
  readonly alice: KeyringPair;
  readonly bob: KeyringPair;
  readonly charlie: KeyringPair;
  readonly dave: KeyringPair;
  readonly eve: KeyringPair;
  readonly ferdie: KeyringPair;
}

export interface DevnetFixture {
  readonly devnet: RunningDevnet;
  readonly api: ApiPromise;
  readonly seal: Seal;
  readonly accounts: DevAccounts;
  readonly keyring: Keyring;
  stop(): Promise<void>;
}

/** An in-process devnet in manual block mode on a free port, with a connected @polkadot/api client. */
export async function startDevnetFixture(options: DevnetOptions = {}): Promise<DevnetFixture> {
  await cryptoWaitReady();
  const devnet = await startDevnet({ port: 0, manual: true, ...options });
  const api = await connect(devnet.url);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const dev = (name: string): KeyringPair => keyring.addFromUri(`//${name}`);
  return {
    devnet,
    api,
    seal: () => devnet.newBlock(),
    keyring,
    accounts: {
      alice: dev('Alice'),
      bob: dev('Bob'),
      charlie: dev('Charlie'),
      dave: dev('Dave'),
      eve: dev('Eve'),
      ferdie: dev('Ferdie'),
    },
    stop: async () => {
      // Let the close handshake finish before the server goes, or ws keeps a 30 s close timer alive.
      const disconnected = new Promise((resolve) => api.once('disconnected', resolve));
      await api.disconnect();
      await disconnected;
      await devnet.stop();
    },
  };
}
