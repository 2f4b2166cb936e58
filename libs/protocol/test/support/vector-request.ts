import { loadBittensorVectors } from '@taonode/testing';
import { Dummy } from '../../src/synapse/builtins';
import { encodeRequest } from '../../src/wire/request-encoder';
import { devSigner } from './dev-keys';
import type { BittensorVectors } from './shared-vectors';

const BOB = loadBittensorVectors<BittensorVectors>().keys.dev_uris['//Bob'][0];

/**
 * The `request_dummy` vector's request as a Python dendrite sends it (`Dummy(dummy_input=4)` from //Alice at
 * 203.0.113.7 to //Bob's axon), encoded by our encoder. Its signature differs from the vector's: sr25519 signing
 * is randomised. Call after `initProtocolCrypto()`.
 */
export function encodeVectorRequest() {
  return encodeRequest({
    definition: Dummy,
    synapse: Dummy.create({ dummy_input: 4 }),
    target: { ip: '198.51.100.10', port: 8091, hotkey: BOB },
    dendrite: { ip: '203.0.113.7', uuid: '0f4a3f5e-2b1c-11ef-9c3e-0242ac120002' },
    nonce: 1718000000123456789n,
    timeoutSeconds: 12,
    signer: devSigner('//Alice'),
  });
}
