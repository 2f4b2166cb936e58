import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { unrefRpcTeardownTimers } from '@taonode/chain';
import { spec424MetadataFile, useDevnetSuite, type DevnetSuite } from '@taonode/testing';
import { sendAndSeal, type SealedTransaction } from './chain-client';

/**
 * `describe(title, () => body(metadataFile))` with the real spec-424 metadata; where its fixture is absent, a
 * suite whose one test is skipped and whose title says why.
 */
export function describeOnSpec424(title: string, body: (metadataFile: string) => void): void {
  const metadataFile = spec424MetadataFile();
  if (metadataFile === undefined) {
    describe(`${title} (skipped: ../shared/fixtures/subtensor-metadata-spec424.scale absent; or set SUBTENSOR_METADATA_424)`, () => {
      it.skip('needs the spec-424 metadata', () => undefined);
    });
    return;
  }
  describe(title, () => body(metadataFile));
}

/** A plain @polkadot/api client of the spec-424 devnet, and its signers. */
interface Spec424Session {
  readonly api: ApiPromise;
  readonly alice: KeyringPair;
  /** The suite's own hotkey (unregistered and unfunded at the start). */
  readonly hotkey: KeyringPair;
  /** Signs with the pool's next nonce, seals a block once the pool has it, and resolves when it is finalized. */
  readonly send: (extrinsic: SubmittableExtrinsic<'promise'>, signer: KeyringPair) => Promise<SealedTransaction>;
  disconnect(): Promise<void>;
}

/** A devnet serving the spec-424 metadata (manual blocks), a plain @polkadot/api client of it, and its signers. */
export type Spec424Devnet = DevnetSuite<Spec424Session>;

/**
 * Registers, in the calling `describe`, the start of the devnet on `metadataFile` (its own genesis, no blocks
 * built) with a client connected as an unseen client would (no options beyond the provider), and their stop
 * after the suite. Read the result in hooks and tests.
 */
export function useSpec424Devnet(metadataFile: string, hotkeyUri: string): Spec424Devnet {
  return useDevnetSuite<Spec424Session>({
    metadata: metadataFile,
    warmUpBlocks: 0,
    connect: async (devnet) => {
      await cryptoWaitReady();
      unrefRpcTeardownTimers();
      const api = await ApiPromise.create({ provider: new WsProvider(devnet.url), noInitWarn: true });
      const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
      return {
        api,
        alice: keyring.addFromUri('//Alice'),
        hotkey: keyring.addFromUri(hotkeyUri),
        send: (extrinsic, signer) => sendAndSeal(extrinsic, signer, () => devnet.newBlock(), { nonce: -1 }),
        disconnect: () => api.disconnect(),
      };
    },
  });
}
