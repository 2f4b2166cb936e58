import { base58Encode, encodeAddress, sr25519PairFromSeed, sr25519Verify } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { loadBittensorVectors } from '@taonode/testing';
import { devPair, devSigner } from '../../test/support/dev-keys';
import type { BittensorVectors } from '../../test/support/shared-vectors';
import { NotVerifiedError } from '../errors/verification-errors';
import { emptyTerminalInfo, type TerminalInfo } from '../synapse/terminal-info';
import { initProtocolCrypto, isProtocolCryptoReady } from './crypto-ready';
import { hotkeyPublicKey } from './hotkey-address';
import { authenticateRequest, verifyRequestSignature } from './request-authenticator';
import { decodeSignatureHex } from './signature-hex';
import { signMessageHex } from './signer';
import { axonSigningMessage, requestSigningMessage } from './signing-message';
import { sr25519SignRaw, sr25519VerifyRaw, sr25519VerifyWithBytesWrapper } from './sr25519';

const vectors = loadBittensorVectors<BittensorVectors>();
const ALICE = vectors.keys.dev_uris['//Alice'][0];
const BOB = vectors.keys.dev_uris['//Bob'][0];

function reason(run: () => unknown): [string, string] {
  try {
    run();
  } catch (error) {
    if (error instanceof NotVerifiedError) {
      return [error.code, error.reason];
    }
    throw error;
  }
  throw new Error('expected a NotVerifiedError');
}

beforeAll(async () => {
  await initProtocolCrypto();
});

describe('signing messages', () => {
  it('builds the vector request message', () => {
    expect(
      requestSigningMessage({
        nonce: 1718000000123456789n,
        dendriteHotkey: ALICE,
        axonHotkey: BOB,
        uuid: '0f4a3f5e-2b1c-11ef-9c3e-0242ac120002',
        bodyHash: vectors.body_hash.empty.expected,
      }),
    ).toBe(vectors.request_dummy.signing_message);
  });

  it('builds the vector axon message', () => {
    expect(
      axonSigningMessage({
        axonNonce: 1718000000200000000n,
        dendriteHotkey: ALICE,
        axonHotkey: BOB,
        axonUuid: '7a1c2e10-2b1c-11ef-8000-0242ac120003',
      }),
    ).toBe(vectors.axon_signature.message);
  });

  it('prints missing parts as None like a Python f-string', () => {
    expect(requestSigningMessage({ nonce: 1n, dendriteHotkey: 'h', axonHotkey: 'a', uuid: null, bodyHash: null })).toBe(
      '1.h.a.None.None',
    );
  });
});

describe('sr25519', () => {
  it('reports util-crypto ready after initialisation', () => {
    expect(isProtocolCryptoReady()).toBe(true);
  });

  it('verifies the vector request signature with //Alice and the vector axon signature with //Bob', () => {
    const message = Buffer.from(vectors.request_dummy.signing_message);
    const signature = decodeSignatureHex(vectors.request_dummy.signature_verify_vector);
    expect(sr25519VerifyRaw(message, signature, hotkeyPublicKey(ALICE))).toBe(true);
    expect(Buffer.from(hotkeyPublicKey(ALICE)).toString('hex')).toBe(vectors.request_dummy.signing_pubkey.slice(2));
    const axonSignature = decodeSignatureHex(vectors.axon_signature.signature_verify_vector);
    expect(sr25519VerifyRaw(Buffer.from(vectors.axon_signature.message), axonSignature, hotkeyPublicKey(BOB))).toBe(
      true,
    );
    expect(sr25519VerifyRaw(Buffer.from('other'), signature, hotkeyPublicKey(ALICE))).toBe(false);
  });

  it('accepts signatures over the <Bytes>-wrapped message (btwallet fallback) and nothing else', () => {
    const pair = devPair('//Alice');
    const message = Buffer.from('1.x.y.z.h');
    const wrapped = sr25519SignRaw(Buffer.from(`<Bytes>${message.toString()}</Bytes>`), pair);
    expect(sr25519VerifyRaw(message, wrapped, pair.publicKey)).toBe(false);
    expect(sr25519VerifyWithBytesWrapper(message, wrapped, pair.publicKey)).toBe(true);
    expect(sr25519VerifyWithBytesWrapper(Buffer.from('1.x.y.z.H'), wrapped, pair.publicKey)).toBe(false);
  });

  it('answers false, without a WASM panic, for inputs sp_core rejects', () => {
    const pair = devPair('//Alice');
    const message = Buffer.from('m');
    const signature = sr25519SignRaw(message, pair);
    const unmarked = Uint8Array.from(signature);
    unmarked[63] = (unmarked[63] ?? 0) & 0x7f;
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(sr25519VerifyRaw(message, signature, new Uint8Array(32).fill(0xff))).toBe(false);
    expect(sr25519VerifyRaw(message, unmarked, pair.publicKey)).toBe(false);
    expect(sr25519VerifyRaw(message, signature.subarray(0, 63), pair.publicKey)).toBe(false);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(sr25519VerifyRaw(message, signature, pair.publicKey)).toBe(true);
  });

  it('agrees with the independent pure-JS implementation (util-crypto / @scure/sr25519)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 80 }),
        fc.boolean(),
        (seed, message, tamper) => {
          const pair = sr25519PairFromSeed(seed);
          const signature = sr25519SignRaw(message, pair);
          const checked = tamper ? Buffer.concat([message, Buffer.from([1])]) : message;
          expect(sr25519VerifyRaw(checked, signature, pair.publicKey)).toBe(!tamper);
          expect(sr25519Verify(checked, signature, pair.publicKey)).toBe(!tamper);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('signs with the dev signer into a 0x-hex signature that verifies', () => {
    const signer = devSigner('//Alice');
    expect(signer.ss58Address).toBe(ALICE);
    const signature = signMessageHex(signer, 'hello');
    expect(signature).toMatch(/^0x[0-9a-f]{128}$/);
    expect(sr25519VerifyRaw(Buffer.from('hello'), decodeSignatureHex(signature), hotkeyPublicKey(ALICE))).toBe(true);
  });
});

describe('decodeSignatureHex (btwallet input rules)', () => {
  const valid = vectors.request_dummy.signature_verify_vector;

  it.each([
    [valid.slice(2), 'Invalid signature format. Expected hex string.'],
    ['0x123', 'Invalid hex string: OddLength'],
    [`0x${'zz'.repeat(64)}`, "Invalid hex string: InvalidHexCharacter { c: 'z', index: 0 }"],
    [`0x${'00'.repeat(63)}`, 'Invalid signature'],
    ['', 'Invalid signature format. Expected hex string.'],
  ])('refuses %j with %s', (signature, expected) => {
    expect(reason(() => decodeSignatureHex(signature))).toEqual(['TAONODE_PROTOCOL_SIGNATURE_MALFORMED', expected]);
  });

  it('strips repeated 0x prefixes and accepts upper-case hex like Rust', () => {
    expect(decodeSignatureHex(`0x0x${valid.slice(2).toUpperCase()}`)).toEqual(decodeSignatureHex(valid));
  });
});

describe('hotkeyPublicKey', () => {
  it.each([
    [null, 'TAONODE_PROTOCOL_HOTKEY_MISSING', 'No SS58 formatted address or public key provided.'],
    [
      '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
      'TAONODE_PROTOCOL_HOTKEY_INVALID',
      'Invalid SS58 address: Base 58 requirement is violated',
    ],
    [`${ALICE.slice(0, -1)}Z`, 'TAONODE_PROTOCOL_HOTKEY_INVALID', 'Invalid SS58 address: Invalid checksum'],
    [
      base58Encode(new Uint8Array([42, 1, 2, 3])),
      'TAONODE_PROTOCOL_HOTKEY_INVALID',
      'Invalid SS58 address: Length is bad',
    ],
    ['1', 'TAONODE_PROTOCOL_HOTKEY_INVALID', 'Invalid SS58 address: Length is bad'],
    [
      base58Encode(new Uint8Array(35).fill(200)),
      'TAONODE_PROTOCOL_HOTKEY_INVALID',
      'Invalid SS58 address: Invalid SS58 prefix byte.',
    ],
    [
      encodeAddress(hotkeyPublicKey(ALICE), 0),
      'TAONODE_PROTOCOL_HOTKEY_INVALID',
      'Invalid SS58 address: Unknown ss58 address format `0`',
    ],
  ])('refuses %j', (address, code, text) => {
    expect(reason(() => hotkeyPublicKey(address))).toEqual([code, text]);
  });
});

describe('request authentication', () => {
  const signer = devSigner('//Alice');
  const own = BOB;
  const now = 1_795_300_969_081_857_372n;

  function signedHeaders(overrides: Partial<TerminalInfo> = {}, bodyHash = vectors.body_hash.empty.expected) {
    const dendrite: TerminalInfo = {
      ...emptyTerminalInfo(),
      nonce: now,
      uuid: 'u-1',
      hotkey: ALICE,
      version: 10002000n,
    };
    Object.assign(dendrite, overrides);
    const message = requestSigningMessage({
      nonce: dendrite.nonce,
      dendriteHotkey: dendrite.hotkey,
      axonHotkey: own,
      uuid: dendrite.uuid,
      bodyHash,
    });
    dendrite.signature ??= signMessageHex(signer, message);
    return { dendrite, timeout: 12, computedBodyHash: bodyHash };
  }

  it('accepts a signed, fresh request and names the endpoint key', () => {
    const caller = authenticateRequest(signedHeaders(), { ownHotkey: own, nowNs: now, lastNonce: null });
    expect(caller).toMatchObject({ hotkey: ALICE, nonce: now, endpointKey: `${ALICE}:u-1` });
  });

  it('verifies against the axon’s own hotkey, not the header claim', () => {
    expect(reason(() => verifyRequestSignature(signedHeaders(), { ownHotkey: ALICE }))[0]).toBe(
      'TAONODE_PROTOCOL_SIGNATURE_MISMATCH',
    );
  });

  it('refuses a tampered body hash with the SDK mismatch text', () => {
    const headers = { ...signedHeaders(), computedBodyHash: 'f'.repeat(64) };
    const [code, text] = reason(() => verifyRequestSignature(headers, { ownHotkey: own }));
    expect(code).toBe('TAONODE_PROTOCOL_SIGNATURE_MISMATCH');
    expect(text).toBe(
      `Signature mismatch with ${now}.${ALICE}.${own}.u-1.${'f'.repeat(64)} and ${headers.dendrite.signature}`,
    );
  });

  it('refuses unsigned requests (taonode) unless told to behave like the SDK', () => {
    const unsigned = signedHeaders({ signature: '' });
    expect(reason(() => verifyRequestSignature(unsigned, { ownHotkey: own }))).toEqual([
      'TAONODE_PROTOCOL_SIGNATURE_MISSING',
      'Missing Signature',
    ]);
    expect(verifyRequestSignature(unsigned, { ownHotkey: own, requireSignature: false }).hotkey).toBe(ALICE);
  });

  it('checks in the SDK order: hotkey, nonce presence, nonce rules, then signature', () => {
    expect(
      reason(() =>
        authenticateRequest(signedHeaders({ hotkey: null, signature: 'bad' }), {
          ownHotkey: own,
          nowNs: now,
          lastNonce: null,
        }),
      )[0],
    ).toBe('TAONODE_PROTOCOL_HOTKEY_MISSING');
    expect(
      reason(() =>
        authenticateRequest(signedHeaders({ nonce: null }), { ownHotkey: own, nowNs: now, lastNonce: null }),
      ),
    ).toEqual(['TAONODE_PROTOCOL_NONCE_MISSING', 'Missing Nonce']);
    expect(
      reason(() =>
        authenticateRequest(signedHeaders({ signature: 'bad' }), { ownHotkey: own, nowNs: now, lastNonce: now }),
      ),
    ).toEqual(['TAONODE_PROTOCOL_NONCE_NOT_NEWER', 'Nonce is too old, a newer one was last processed']);
    expect(
      reason(() =>
        authenticateRequest(signedHeaders({ signature: 'bad' }), { ownHotkey: own, nowNs: now, lastNonce: null }),
      )[0],
    ).toBe('TAONODE_PROTOCOL_SIGNATURE_MALFORMED');
  });

  it('reports the 401 text the Python axon sends', () => {
    try {
      authenticateRequest(signedHeaders(), { ownHotkey: own, nowNs: now + 60n * 1_000_000_000n, lastNonce: null });
    } catch (error) {
      expect((error as NotVerifiedError).httpStatus).toBe(401);
      expect((error as NotVerifiedError).wireMessage).toBe(
        'Not Verified with error: Nonce is too old: acceptable delta is 16.00 seconds but request was 60.00 seconds old',
      );
    }
    expect.assertions(2);
  });
});
