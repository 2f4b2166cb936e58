import { loadBittensorVectors } from '@taonode/testing';
import { devSigner } from '../../test/support/dev-keys';
import { at, cloneJson, losslessVectors } from '../../test/support/lossless-vectors';
import { readCapturedRequest, type BittensorVectors } from '../../test/support/shared-vectors';
import { encodeVectorRequest } from '../../test/support/vector-request';
import type { JsonObject } from '../json/json-value';
import { parseLosslessJson } from '../json/lossless-json-parser';
import { writePythonJson, AIOHTTP_REQUEST_JSON_STYLE } from '../json/python-json-writer';
import { initProtocolCrypto } from '../signature/crypto-ready';
import { hotkeyPublicKey } from '../signature/hotkey-address';
import { decodeSignatureHex } from '../signature/signature-hex';
import { sr25519VerifyRaw } from '../signature/sr25519';
import { Dummy, TextGeneration } from '../synapse/builtins';
import { encodeRequest } from './request-encoder';

const vectors = loadBittensorVectors<BittensorVectors>();
const vector = vectors.request_dummy;
const ALICE = vectors.keys.dev_uris['//Alice'][0];
const BOB = vectors.keys.dev_uris['//Bob'][0];

beforeAll(async () => {
  await initProtocolCrypto();
});

describe('encodeRequest — the Dummy vector', () => {
  it('targets the vector URL and signs the vector message', () => {
    const request = encodeVectorRequest();
    expect(request.url).toBe(vector.url);
    expect(request.signingMessage).toBe(vector.signing_message);
  });

  it('sends the vector headers, in order, field by field', () => {
    const request = encodeVectorRequest();
    expect(Object.keys(request.headers)).toEqual(Object.keys(vector.headers));
    for (const [name, value] of Object.entries(vector.headers)) {
      // sr25519 signatures are randomised (checked below); total_size is a CPython object size (sys.getsizeof
      // recursion) that only has to be an integer string — taonode sends an estimate of the same magnitude.
      if (name === 'bt_header_dendrite_signature' || name === 'total_size') {
        continue;
      }
      expect([name, request.headers[name]]).toEqual([name, value]);
    }
    expect(request.headers.total_size).toMatch(/^\d+$/);
  });

  it('signs with //Alice: the signature verifies over the vector message', () => {
    const request = encodeVectorRequest();
    const signature = request.headers.bt_header_dendrite_signature ?? '';
    expect(request.synapse.dendrite?.signature).toBe(signature);
    expect(
      sr25519VerifyRaw(Buffer.from(vector.signing_message), decodeSignatureHex(signature), hotkeyPublicKey(ALICE)),
    ).toBe(true);
  });

  it('sends the vector JSON body field by field (values, types, key order), formatted like json.dumps', () => {
    const request = encodeVectorRequest();
    const expected = cloneJson(at(losslessVectors(), 'request_dummy', 'json_body') as JsonObject);
    const actual = parseLosslessJson(request.body) as JsonObject;
    (expected.get('dendrite') as JsonObject).set('signature', request.headers.bt_header_dendrite_signature ?? '');
    expected.set('total_size', BigInt(request.headers.total_size ?? '0'));
    expect(actual).toEqual(expected);
    expect(request.body).toBe(writePythonJson(expected, AIOHTTP_REQUEST_JSON_STYLE));
    expect(actual.get('total_size')).toBe(BigInt(request.headers.total_size ?? ''));
    expect(request.body).toContain('"nonce": 1718000000123456789,');
  });

  it('does not modify the caller’s synapse', () => {
    const synapse = Dummy.create({ dummy_input: 4 });
    encodeRequest({
      definition: Dummy,
      synapse,
      target: { ip: '198.51.100.10', port: 8091, hotkey: BOB },
      dendrite: { ip: '203.0.113.7', uuid: 'u' },
      nonce: 1n,
      timeoutSeconds: 3,
      signer: devSigner('//Alice'),
    });
    expect(synapse.dendrite?.nonce).toBeNull();
    expect(synapse.timeout).toBe(12);
  });
});

describe('encodeRequest — against the real TextGeneration request', () => {
  it('reproduces every header and body field except the signer-specific ones', () => {
    const captured = readCapturedRequest('python-dendrite-request-textgeneration.http');
    const capturedHeaders = new Map(captured.headers);
    const capturedBody = parseLosslessJson(captured.body.toString('utf8')) as JsonObject;
    const request = encodeRequest({
      definition: TextGeneration,
      synapse: TextGeneration.create({ prompt: 'Hello, world', max_tokens: 16, temperature: 0.7, seed: 42 }),
      target: { ip: '127.0.0.1', port: 18091, hotkey: ALICE },
      dendrite: { ip: '127.0.0.2', uuid: 'e2624c20-e5fc-11f1-a478-02fc00000001' },
      nonce: 1795300971781556641n,
      timeoutSeconds: 12,
      signer: devSigner('//Bob'),
    });
    const signerSpecific = new Set(['bt_header_dendrite_hotkey', 'bt_header_dendrite_signature', 'total_size']);
    const protocolNames = [...capturedHeaders.keys()].filter(
      (name) => name === name.toLowerCase() && !name.includes('-'),
    );
    expect(Object.keys(request.headers)).toEqual(protocolNames);
    for (const name of protocolNames.filter((n) => !signerSpecific.has(n))) {
      expect([name, request.headers[name]]).toEqual([name, capturedHeaders.get(name)]);
    }
    expect(request.headers.computed_body_hash).toBe('edf72a6c0ca026f1a7a4a13b6c65d787f4450746f6384356d7202c7614ba9293');
    const body = parseLosslessJson(request.body) as JsonObject;
    const dendrite = capturedBody.get('dendrite') as JsonObject;
    dendrite.set('hotkey', request.headers.bt_header_dendrite_hotkey ?? '');
    dendrite.set('signature', request.headers.bt_header_dendrite_signature ?? '');
    capturedBody.set('total_size', body.get('total_size') ?? null);
    expect(body).toEqual(capturedBody);
  });
});
