import { loadBittensorVectors } from '@taonode/testing';
import { devSigner } from '../../test/support/dev-keys';
import { at, losslessVectors } from '../../test/support/lossless-vectors';
import type { BittensorVectors } from '../../test/support/shared-vectors';
import { encodeVectorRequest } from '../../test/support/vector-request';
import { BodyUnreadableError, JsonSyntaxError } from '../errors/body-errors';
import { UnknownSynapseError } from '../errors/request-errors';
import { ResponseEncodingError, ResponseSignatureError } from '../errors/response-errors';
import { NotVerifiedError } from '../errors/verification-errors';
import type { JsonObject } from '../json/json-value';
import { parseLosslessJson } from '../json/lossless-json-parser';
import { STARLETTE_RESPONSE_JSON_STYLE, writePythonJson } from '../json/python-json-writer';
import { initProtocolCrypto } from '../signature/crypto-ready';
import { hotkeyPublicKey } from '../signature/hotkey-address';
import { decodeSignatureHex } from '../signature/signature-hex';
import { axonSigningMessage } from '../signature/signing-message';
import { sr25519VerifyRaw } from '../signature/sr25519';
import { Dummy, TextGeneration } from '../synapse/builtins';
import { isSdkInterpretedHeader } from './header-names';
import { encodeRequest } from './request-encoder';
import { parseRequest } from './request-parser';
import { encodeErrorResponse, encodeSuccessResponse } from './response-encoder';
import { processServerResponse } from './response-parser';
import { RESPONSE_SIGNATURE_HEADERS, verifyResponseSignature } from './response-signature';
import { SynapseRegistry } from './synapse-registry';

const vectors = loadBittensorVectors<BittensorVectors>();
const BOB = vectors.keys.dev_uris['//Bob'][0];
const ALICE = vectors.keys.dev_uris['//Alice'][0];

beforeAll(async () => {
  await initProtocolCrypto();
});

describe('processServerResponse — the Python dendrite reading an axon answer', () => {
  const vector = vectors.response_dummy_success;
  const vectorBody = () => at(losslessVectors(), 'response_dummy_success', 'json_body') as JsonObject;

  it('reads the vector success response: dummy_output 8, status 200 from the headers', () => {
    const request = encodeVectorRequest();
    const processed = processServerResponse(Dummy, request.synapse, {
      status: 200,
      headers: { ...vector.headers, 'content-type': vector.content_type },
      body: writePythonJson(vectorBody(), STARLETTE_RESPONSE_JSON_STYLE),
    });
    expect(processed.failure).toBeNull();
    expect(processed.synapse.dummy_output).toBe(8n);
    expect(Dummy.deserialize(processed.synapse)).toBe(8n);
    expect(processed.statusCode).toBe(200n);
    expect(processed.statusMessage).toBe('Success');
    expect(processed.isSuccess).toBe(true);
    expect(processed.synapse.axon?.process_time).toBe(0.000734);
    expect(processed.synapse.dendrite?.nonce).toBe(1718000000123456789n);
  });

  it('gives status None for a 200 without the status header and without axon.status_code in the body', () => {
    const body = vectorBody();
    (body.get('axon') as JsonObject).set('status_code', null);
    const headers: Record<string, string> = { ...vector.headers, 'content-type': 'application/json' };
    delete headers.bt_header_axon_status_code;
    const processed = processServerResponse(Dummy, encodeVectorRequest().synapse, {
      status: 200,
      headers,
      body: writePythonJson(body, STARLETTE_RESPONSE_JSON_STYLE),
    });
    expect(processed.statusCode).toBeNull();
    expect(processed.isSuccess).toBe(false);
  });

  it('lets headers win over the body', () => {
    const processed = processServerResponse(Dummy, encodeVectorRequest().synapse, {
      status: 200,
      headers: { ...vector.headers, bt_header_axon_status_message: 'From header', 'content-type': 'application/json' },
      body: writePythonJson(vectorBody(), STARLETTE_RESPONSE_JSON_STYLE),
    });
    expect(processed.statusMessage).toBe('From header');
  });

  it.each([
    [
      'a non-JSON content type',
      'text/plain',
      () => writePythonJson(vectorBody(), STARLETTE_RESPONSE_JSON_STYLE),
      /mimetype: text\/plain/,
    ],
    [
      'a body with only the output field',
      'application/json',
      () => '{"dummy_output": 8}',
      /validation error for Dummy\ndummy_input/,
    ],
    ['an empty body', 'application/json', () => '', /must be a mapping, not NoneType/],
    [
      'invalid JSON',
      'application/json; charset=utf-8',
      () => '{"a"',
      /^Failed to parse response: Expecting ':' delimiter: line 1 column 5/,
    ],
  ])('records 422 for %s', (_label, contentType, body, message) => {
    const processed = processServerResponse(Dummy, encodeVectorRequest().synapse, {
      status: 200,
      headers: { ...vector.headers, 'content-type': contentType },
      body: body(),
    });
    expect(processed.statusCode).toBe(422n);
    expect(processed.statusMessage).toMatch(/^Failed to parse response: /);
    expect(processed.statusMessage).toMatch(message);
    expect(processed.failure?.code).toBe('TAONODE_PROTOCOL_RESPONSE_UNPARSABLE');
  });

  it('takes status and json.message from a non-200 answer', () => {
    const processed = processServerResponse(Dummy, encodeVectorRequest().synapse, {
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: '{"message": "Not Verified with error: x"}',
    });
    expect([processed.statusCode, processed.statusMessage]).toEqual([401n, 'Not Verified with error: x']);
  });

  it('records 422 when a status header does not parse (the SDK casters)', () => {
    const processed = processServerResponse(Dummy, encodeVectorRequest().synapse, {
      status: 200,
      headers: { ...vector.headers, bt_header_axon_status_code: 'OK', 'content-type': 'application/json' },
      body: writePythonJson(vectorBody(), STARLETTE_RESPONSE_JSON_STYLE),
    });
    expect(processed.statusCode).toBe(422n);
  });

  it('keeps frozen fields of the local synapse (computed_body_hash)', () => {
    const body = vectorBody();
    body.set('computed_body_hash', 'server says');
    const processed = processServerResponse(Dummy, encodeVectorRequest().synapse, {
      status: 200,
      headers: { ...vector.headers, 'content-type': 'application/json' },
      body: writePythonJson(body, STARLETTE_RESPONSE_JSON_STYLE),
    });
    expect(processed.synapse.computed_body_hash).toBe('');
  });
});

describe('encodeSuccessResponse — a taonode axon answering a Python dendrite', () => {
  it('produces the vector response (body byte-exact, headers field by field)', () => {
    const request = encodeVectorRequest();
    const parsed = parseRequest(Dummy, { headers: request.headers, body: request.body });
    const synapse = { ...parsed.synapse, dummy_output: 8n, total_size: 2938n };
    const response = encodeSuccessResponse({ definition: Dummy, synapse, processTimeSeconds: 0.000734 });
    const vector = vectors.response_dummy_success;
    expect(response.status).toBe(vector.status);
    const expectedBody = at(losslessVectors(), 'response_dummy_success', 'json_body') as JsonObject;
    (expectedBody.get('dendrite') as JsonObject).set('signature', request.headers.bt_header_dendrite_signature ?? '');
    expect(response.body).toBe(writePythonJson(expectedBody, STARLETTE_RESPONSE_JSON_STYLE));
    expect(Object.keys(response.headers)).toEqual([...Object.keys(vector.headers), 'content-type']);
    for (const [name, value] of Object.entries(vector.headers)) {
      if (name === 'bt_header_dendrite_signature' || name === 'total_size') {
        continue;
      }
      expect([name, response.headers[name]]).toEqual([name, value]);
    }
    expect(response.headers['content-type']).toBe('application/json');
  });

  it('is read back by the Python-dendrite logic as a success', () => {
    const request = encodeVectorRequest();
    const parsed = parseRequest(Dummy, { headers: request.headers, body: request.body });
    const response = encodeSuccessResponse({
      definition: Dummy,
      synapse: { ...parsed.synapse, dummy_output: 9n },
      processTimeSeconds: 0.01,
    });
    const processed = processServerResponse(Dummy, request.synapse, response);
    expect([processed.statusCode, processed.synapse.dummy_output]).toEqual([200n, 9n]);
  });

  it('uses a status the forward function set, and keeps its message', () => {
    const request = encodeVectorRequest();
    const parsed = parseRequest(Dummy, { headers: request.headers, body: request.body });
    const axon = { ...(parsed.synapse.axon ?? {}), status_code: 404n, status_message: 'no model' };
    const response = encodeSuccessResponse({
      definition: Dummy,
      synapse: { ...parsed.synapse, axon: axon as typeof parsed.synapse.axon },
      processTimeSeconds: 0.5,
    });
    expect([response.status, response.headers.bt_header_axon_status_message]).toEqual([404, 'no model']);
  });

  it('refuses NaN in the body and header values that are not latin-1 (Starlette fails the same way)', () => {
    const request = encodeRequest({
      definition: TextGeneration,
      synapse: TextGeneration.create({ prompt: 'x', max_tokens: 1, temperature: NaN, seed: 1 }),
      target: { ip: '1.1.1.1', port: 1, hotkey: BOB },
      dendrite: { ip: '2.2.2.2', uuid: 'u' },
      nonce: 1n,
      timeoutSeconds: 12,
      signer: devSigner('//Alice'),
    });
    const parsed = parseRequest(TextGeneration, { headers: request.headers, body: request.body });
    expect(() =>
      encodeSuccessResponse({ definition: TextGeneration, synapse: parsed.synapse, processTimeSeconds: 0 }),
    ).toThrow(ResponseEncodingError);
    const snowman = {
      ...parsed.synapse,
      temperature: 0.5,
      dendrite: { ...(parsed.synapse.dendrite ?? {}), uuid: '\u2603' },
    };
    expect(() =>
      encodeSuccessResponse({
        definition: TextGeneration,
        synapse: snowman as typeof parsed.synapse,
        processTimeSeconds: 0,
      }),
    ).toThrow(ResponseEncodingError);
  });
});

describe('encodeErrorResponse', () => {
  it('sends the header family of the vector 401 example and a {"message": …} body', () => {
    const request = encodeVectorRequest();
    const parsed = parseRequest(Dummy, { headers: request.headers, body: request.body });
    const error = new NotVerifiedError(
      'TAONODE_PROTOCOL_SIGNATURE_MISMATCH',
      `Signature mismatch with ${request.signingMessage} and 0x00`,
    );
    const response = encodeErrorResponse({
      error,
      definition: Dummy,
      request: parsed.headers,
      peer: { ip: '203.0.113.7', port: 54321 },
      processTimeSeconds: 0.002,
      axon: {
        version: 10002000,
        uuid: '7a1c2e10-2b1c-11ef-8000-0242ac120003',
        nonce: 1718000000200000000n,
        signer: devSigner('//Bob'),
      },
    });
    const expectedNames = vectors.error_response_401_example.header_names_present.filter(
      (name) => name !== 'content-length',
    );
    expect(Object.keys(response.headers).sort()).toEqual([...expectedNames].sort());
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual({ message: error.message });
    expect(response.headers.bt_header_axon_status_code).toBe('401');
    expect(response.headers.bt_header_dendrite_port).toBe('54321');
    const axonSignature = decodeSignatureHex(response.headers.bt_header_axon_signature ?? '');
    const message = axonSigningMessage({
      axonNonce: 1718000000200000000n,
      dendriteHotkey: ALICE,
      axonHotkey: BOB,
      axonUuid: '7a1c2e10-2b1c-11ef-8000-0242ac120003',
    });
    expect(message).toBe(vectors.axon_signature.message);
    expect(sr25519VerifyRaw(Buffer.from(message), axonSignature, hotkeyPublicKey(BOB))).toBe(true);
    const processed = processServerResponse(Dummy, request.synapse, response);
    expect([processed.statusCode, processed.statusMessage]).toEqual([401n, error.message]);
  });

  it('answers an unknown route with a fresh Synapse header set (404)', () => {
    const registry = new SynapseRegistry([Dummy]);
    let error: unknown;
    try {
      registry.resolvePath('/Nope');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownSynapseError);
    const response = encodeErrorResponse({ error: error as UnknownSynapseError, processTimeSeconds: 0 });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({
      message: "Synapse name 'Nope' not found. Available synapses ['Synapse', 'Dummy']",
    });
    expect(response.headers.name).toBe('Synapse');
    expect(response.headers.timeout).toBe('12.0');
    expect(response.headers.bt_header_dendrite_nonce).toBeUndefined();
  });

  it('uses FastAPI bodies without protocol headers for unreadable bodies', () => {
    const syntax = new JsonSyntaxError('Expecting value', 0, 1, 1);
    expect(encodeErrorResponse({ error: syntax })).toEqual({
      status: 422,
      headers: { 'content-type': 'application/json' },
      body: '{"detail":[{"type":"json_invalid","loc":["body",0],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting value"}}]}',
    });
    expect(encodeErrorResponse({ error: new BodyUnreadableError('bad utf-8') }).body).toBe(
      '{"detail":"There was an error parsing the body"}',
    );
  });

  it('hides 500 details behind the error id', () => {
    const request = encodeVectorRequest();
    const tampered = request.body.replace('"dummy_input": 4', '"dummy_input": "x"');
    let error: unknown;
    try {
      parseRequest(Dummy, { headers: request.headers, body: tampered });
    } catch (caught) {
      error = caught;
    }
    const response = encodeErrorResponse({ error: error as NotVerifiedError, definition: Dummy });
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body)).toEqual({
      message: `Internal Server Error #${(error as NotVerifiedError).errorId}`,
    });
  });
});

describe('taonode response signatures', () => {
  const request = encodeVectorRequest();
  const parsed = parseRequest(Dummy, { headers: request.headers, body: request.body });
  const answered = { nonce: 1718000000123456789n, hotkey: ALICE, uuid: '0f4a3f5e-2b1c-11ef-9c3e-0242ac120002' };
  const response = () =>
    encodeSuccessResponse({
      definition: Dummy,
      synapse: { ...parsed.synapse, dummy_output: 8n },
      processTimeSeconds: 0.01,
      signing: { signer: devSigner('//Bob'), axonNonce: 1718000000300000000n, axonUuid: 'axon-1', request: answered },
    });

  it('uses header names the Python dendrite ignores, with ASCII values', () => {
    for (const name of Object.values(RESPONSE_SIGNATURE_HEADERS)) {
      expect(isSdkInterpretedHeader(name)).toBe(false);
      expect(['name', 'timeout', 'header_size', 'total_size', 'computed_body_hash']).not.toContain(name);
      expect(response().headers[name]).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('verifies for the request it answers and nothing else', () => {
    const signed = response();
    const check = {
      status: signed.status,
      headers: signed.headers,
      body: signed.body,
      request: answered,
      expectedAxonHotkey: BOB,
    };
    expect(verifyResponseSignature(check)).toEqual({ axonNonce: 1718000000300000000n, axonUuid: 'axon-1' });
    const failures = [
      { ...check, body: signed.body.replace('"dummy_output":8', '"dummy_output":9') },
      { ...check, request: { ...answered, nonce: answered.nonce + 1n } },
      { ...check, status: 500 },
      { ...check, expectedAxonHotkey: ALICE },
    ];
    for (const failing of failures) {
      expect(() => verifyResponseSignature(failing)).toThrow(ResponseSignatureError);
    }
    const unsigned = { ...check, headers: { ...signed.headers, [RESPONSE_SIGNATURE_HEADERS.signature]: undefined } };
    expect(() => verifyResponseSignature(unsigned)).toThrow(/no taonode signature/);
  });

  it('does not disturb the Python dendrite reading the response', () => {
    const processed = processServerResponse(Dummy, request.synapse, response());
    expect([processed.statusCode, processed.synapse.dummy_output]).toEqual([200n, 8n]);
    expect(parseLosslessJson(response().body)).toBeInstanceOf(Map);
  });
});
