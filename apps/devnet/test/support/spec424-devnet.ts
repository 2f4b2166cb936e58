import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { spec424MetadataFile, startDevnet, type LaunchedDevnet } from '@taonode/testing';
import { sendAndSeal, type SealedTransaction } from './chain-client';
import { unrefRxjsTimers } from './unref-rxjs-timers';

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

/** A devnet serving the spec-424 metadata (manual blocks), a plain @polkadot/api client of it, and its signers. */
export interface Spec424Devnet {
  readonly devnet: LaunchedDevnet;
  readonly api: ApiPromise;
  readonly alice: KeyringPair;
  /** The suite's own hotkey (unregistered and unfunded at the start). */
  readonly hotkey: KeyringPair;
  /** Signs with the pool's next nonce, seals a block once the pool has it, and resolves when it is finalized. */
  readonly send: (extrinsic: SubmittableExtrinsic<'promise'>, signer: KeyringPair) => Promise<SealedTransaction>;
}

/**
 * Registers, in the calling `describe`, the start of the devnet on `metadataFile` with a client connected as an
 * unseen client would (no options beyond the provider), and their stop after the suite. Read the result in
 * hooks and tests.
 */
export function useSpec424Devnet(metadataFile: string, hotkeyUri: string): Spec424Devnet {
  let devnet: LaunchedDevnet | undefined;
  let api: ApiPromise | undefined;
  let alice: KeyringPair | undefined;
  let hotkey: KeyringPair | undefined;

  beforeAll(async () => {
    await cryptoWaitReady();
    devnet = await startDevnet({ manual: true, metadata: metadataFile });
    unrefRxjsTimers();
    // No options beyond the provider: what an unseen client does.
    api = await ApiPromise.create({ provider: new WsProvider(devnet.url), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    alice = keyring.addFromUri('//Alice');
    hotkey = keyring.addFromUri(hotkeyUri);
  });

  afterAll(async () => {
    await api?.disconnect();
    await devnet?.stop();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) {
      throw new Error('the spec-424 devnet starts in beforeAll: read it in a hook or a test');
    }
    return value;
  };
  return {
    get devnet() {
      return started(devnet);
    },
    get api() {
      return started(api);
    },
    get alice() {
      return started(alice);
    },
    get hotkey() {
      return started(hotkey);
    },
    send: (extrinsic, signer) => sendAndSeal(extrinsic, signer, () => started(devnet).newBlock(), { nonce: -1 }),
  };
}
