import fc from 'fast-check';
import { loadBittensorVectors } from '@taonode/testing';
import { devSigner } from '../../test/support/dev-keys';
import { readCapturedRequest, type BittensorVectors } from '../../test/support/shared-vectors';
import {
  BodyHashMismatchError,
  BodyHeaderMismatchError,
  BodyUnreadableError,
  JsonSyntaxError,
  SynapseValidationError,
} from '../errors/body-errors';
import { ProtocolError } from '../errors/protocol-error';
import { DuplicateHeaderError, HeaderParseError } from '../errors/request-errors';
import { initProtocolCrypto } from '../signature/crypto-ready';
import { authenticateRequest, verifyRequestSignature } from '../signature/request-authenticator';
import { Dummy, TextGeneration } from '../synapse/builtins';
import type { FieldShape } from '../synapse/py-type';
import type { SynapseDefinition } from '../synapse/synapse-definition';
import { encodeRequest } from './request-encoder';
import { parseRequestHeaders } from './request-headers';
import { parseRequest } from './request-parser';

const vectors = loadBittensorVectors<BittensorVectors>();
const ALICE = vectors.keys.dev_uris['//Alice'][0];
const BOB = vectors.keys.dev_uris['//Bob'][0];
const CAPTURE_SIGNER = '5ERxhxyG15TfeiZ27PFdTQRpJghy17kkffvLEYuVMtfZZTrn';

beforeAll(async () => {
  await initProtocolCrypto();
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const CAPTURES: [string, SynapseDefinition<FieldShape>, bigint][] = [
  ['python-dendrite-request-dummy.http', Dummy, 1795300969081857372n],
  ['python-dendrite-request-textgeneration.http', TextGeneration, 1795300971781556641n],
];

describe.each(CAPTURES)('the real Python request %s', (file, definition, nonce) => {
  const captured = readCapturedRequest(file);

  it('parses: exact nonce, typed terminal infos, body-derived synapse, body hash checked', () => {
    const parsed = parseRequest(definition, { headers: captured.headers, body: captured.body });
    expect(parsed.headers.dendrite.nonce).toBe(nonce);
    expect(parsed.synapse.dendrite?.nonce).toBe(nonce);
    expect(parsed.headers.dendrite).toMatchObject({ hotkey: CAPTURE_SIGNER, version: 10002000n, ip: '127.0.0.2' });
    expect(parsed.headers.axon).toMatchObject({ hotkey: ALICE, port: 18091n, ip: '127.0.0.1' });
    expect(parsed.headers.timeout).toBe(12);
    expect(parsed.bodyHash).toBe(parsed.headers.computedBodyHash);
    expect([...parsed.headers.inputObjHeaders.keys()]).toEqual(definition.requiredFieldNames);
  });

  it(`verifies: signed by ${CAPTURE_SIGNER.slice(0, 6)}… for the axon hotkey ${ALICE.slice(0, 6)}…`, () => {
    const parsed = parseRequest(definition, { headers: captured.headers, body: captured.body });
    const caller = authenticateRequest(parsed.headers, {
      ownHotkey: ALICE,
      nowNs: nonce + 1_000_000_000n,
      lastNonce: null,
    });
    expect(caller.hotkey).toBe(CAPTURE_SIGNER);
    expect(() => verifyRequestSignature(parsed.headers, { ownHotkey: BOB })).toThrow(
      /^Not Verified with error: Signature mismatch/,
    );
  });
});

describe('the vector Dummy request', () => {
  it('parses and verifies against the axon hotkey //Bob', () => {
    const headers = vectors.request_dummy.headers;
    const body = JSON.stringify(vectors.request_dummy.json_body).replace(
      '"nonce":1718000000123456800',
      '"nonce":1718000000123456789',
    );
    const parsed = parseRequest(Dummy, { headers, body });
    expect(parsed.synapse.dummy_input).toBe(4n);
    expect(verifyRequestSignature(parsed.headers, { ownHotkey: BOB }).nonce).toBe(1718000000123456789n);
  });
});

describe('input_obj headers are accepted and ignored', () => {
  const captured = readCapturedRequest('python-dendrite-request-textgeneration.http');
  const withoutInputObj = captured.headers.filter(([name]) => !name.startsWith('bt_header_input_obj'));

  it('builds the synapse from the body even when they are missing or garbage', () => {
    expect(parseRequest(TextGeneration, { headers: withoutInputObj, body: captured.body }).synapse.prompt).toBe(
      'Hello, world',
    );
    const garbage = [...withoutInputObj, ['bt_header_input_obj_prompt', '%%% not base64 %%%'] as const];
    expect(parseRequest(TextGeneration, { headers: garbage, body: captured.body }).synapse.max_tokens).toBe(16n);
  });

  it('can be validated strictly on request (base64 of JSON)', () => {
    const garbage = [...withoutInputObj, ['bt_header_input_obj_prompt', '%%% not base64 %%%'] as const];
    const notJson = [
      ...withoutInputObj,
      ['bt_header_input_obj_prompt', Buffer.from('{nope').toString('base64')] as const,
    ];
    expect(thrown(() => parseRequestHeaders(garbage, { inputObjHeaders: 'validate' }))).toBeInstanceOf(
      HeaderParseError,
    );
    expect(thrown(() => parseRequestHeaders(notJson, { inputObjHeaders: 'validate' }))).toBeInstanceOf(
      HeaderParseError,
    );
    expect(parseRequestHeaders(captured.headers, { inputObjHeaders: 'validate' }).inputObjHeaders.size).toBe(4);
  });
});

describe('hostile requests', () => {
  const signer = devSigner('//Alice');
  const request = encodeRequest({
    definition: TextGeneration,
    synapse: TextGeneration.create({ prompt: 'hi', max_tokens: 8, temperature: 0.5, seed: 1 }),
    target: { ip: '10.0.0.1', port: 8091, hotkey: BOB },
    dendrite: { ip: '10.0.0.2', uuid: 'u-1' },
    nonce: 1795300971781556641n,
    timeoutSeconds: 12,
    signer,
  });
  const headers = (): Record<string, string | string[]> => ({ ...request.headers });
  const parse = (h: Record<string, string | string[]>, body: string | Uint8Array = request.body) =>
    thrown(() => parseRequest(TextGeneration, { headers: h, body }));

  it('parses the untouched request', () => {
    expect(parse(headers())).toBeUndefined();
  });

  it.each([
    ['a non-integer nonce', 'bt_header_dendrite_nonce', '12.0'],
    ['a comma-joined duplicate nonce', 'bt_header_dendrite_nonce', '1795300971781556641, 1795300971781556642'],
    ['an oversized nonce (5000 digits)', 'bt_header_dendrite_nonce', '9'.repeat(5000)],
    ['a non-integer port', 'bt_header_axon_port', 'eighty'],
    ['a non-float timeout', 'timeout', 'soon'],
    ['a non-integer total_size', 'total_size', '1.5'],
  ])('refuses %s with a header-parse error (500 like the SDK)', (_label, name, value) => {
    const error = parse({ ...headers(), [name]: value });
    expect(error).toBeInstanceOf(HeaderParseError);
    expect((error as HeaderParseError).httpStatus).toBe(500);
    expect((error as HeaderParseError).wireMessage).toMatch(/^Internal Server Error #[0-9a-f-]{36}$/);
  });

  it('refuses duplicated headers (array values, or two names for one field)', () => {
    expect(parse({ ...headers(), bt_header_dendrite_nonce: ['1', '2'] })).toBeInstanceOf(DuplicateHeaderError);
    expect(parse({ ...headers(), 'x-bt_header_dendrite_nonce': '1' })).toBeInstanceOf(DuplicateHeaderError);
    expect(parse({ ...headers(), BT_HEADER_DENDRITE_NONCE: '1' })).toBeInstanceOf(DuplicateHeaderError);
  });

  it('refuses a missing body hash header as a hash mismatch (the SDK compares with "")', () => {
    const h = headers();
    delete h.computed_body_hash;
    const error = parse(h);
    expect(error).toBeInstanceOf(BodyHashMismatchError);
    expect((error as Error).message).toMatch(
      /^Hash mismatch between header body hash {2}and parsed body hash [0-9a-f]{64}$/,
    );
  });

  it('refuses a tampered hashed field', () => {
    expect(parse(headers(), request.body.replace('"prompt": "hi"', '"prompt": "ho"'))).toBeInstanceOf(
      BodyHashMismatchError,
    );
  });

  it('refuses bodies that contradict the headers (taonode policy, 400)', () => {
    const error = parse(
      headers(),
      request.body.replace('"nonce": 1795300971781556641', '"nonce": 1795300971781556642'),
    );
    expect(error).toBeInstanceOf(BodyHeaderMismatchError);
    expect((error as BodyHeaderMismatchError).httpStatus).toBe(400);
    expect(parse(headers(), request.body.replace('"timeout": 12.0', '"timeout": 13.0'))).toBeInstanceOf(
      BodyHeaderMismatchError,
    );
    expect(
      parseRequest(
        TextGeneration,
        { headers: headers(), body: request.body.replace('"timeout": 12.0', '"timeout": 13.0') },
        { requireBodyMatchesHeaders: false },
      ).synapse.timeout,
    ).toBe(13);
  });

  it.each([
    ['not JSON', 'hello', JsonSyntaxError, 422],
    ['truncated JSON', '{"name": "TextGeneration"', JsonSyntaxError, 422],
    ['a JSON array', '[]', SynapseValidationError, 500],
    ['a body missing a required field', '{"prompt": "hi"}', SynapseValidationError, 500],
    [
      'a str field given a number',
      '{"prompt": 5, "max_tokens": 8, "temperature": 0.5, "seed": 1}',
      SynapseValidationError,
      500,
    ],
    ['an integer literal over 4300 digits', `{"seed": ${'9'.repeat(5000)}}`, BodyUnreadableError, 400],
  ])('refuses %s', (_label, body, type, status) => {
    const error = parse(headers(), body);
    expect(error).toBeInstanceOf(type);
    expect((error as ProtocolError).httpStatus).toBe(status);
  });

  it('refuses bodies that are not UTF-8', () => {
    expect(parse(headers(), Buffer.from([0x7b, 0xff, 0x7d]))).toBeInstanceOf(BodyUnreadableError);
    expect(parse(headers(), Buffer.from('{"a":1}', 'utf16le'))).toBeInstanceOf(BodyUnreadableError);
  });

  it('keeps huge but well-formed integers exact', () => {
    const big = 10n ** 30n;
    const body = request.body.replace('"seed": 1', `"seed": ${big}`);
    const parsed = thrown(() => parseRequest(TextGeneration, { headers: headers(), body }));
    expect(parsed).toBeInstanceOf(BodyHashMismatchError);
    expect((parsed as BodyHashMismatchError).bodyHash).not.toBe(request.bodyHash);
    expect(parseRequestHeaders({ bt_header_dendrite_nonce: big.toString() }).dendrite.nonce).toBe(big);
  });
});

const PROTOCOL_NAMES = [
  'name',
  'timeout',
  'header_size',
  'total_size',
  'computed_body_hash',
  'bt_header_axon_ip',
  'bt_header_axon_port',
  'bt_header_axon_hotkey',
  'bt_header_axon_status_code',
  'bt_header_axon_process_time',
  'bt_header_dendrite_nonce',
  'bt_header_dendrite_version',
  'bt_header_dendrite_signature',
  'bt_header_dendrite_uuid',
  'bt_header_dendrite_hotkey',
  'bt_header_input_obj_prompt',
  'bt_header_input_obj',
  'x-bt_header_axon_port',
];

const headerName = fc.oneof(
  fc.constantFrom(...PROTOCOL_NAMES),
  fc.constantFrom(...PROTOCOL_NAMES).map((name) => name.toUpperCase()),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 10 }).map((suffix) => `bt_header_dendrite_${suffix}`),
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc.double().map(String),
  fc.constantFrom('', ' 12 ', '1_000', 'nan', 'inf', '0x10', '12.0', '1e3', 'None', 'MA=='),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.integer(),
);

describe('10,000 random header maps', () => {
  it('either parse or fail with a typed ProtocolError — never another exception', () => {
    fc.assert(
      fc.property(fc.dictionary(headerName, headerValue, { maxKeys: 12 }), (headers) => {
        try {
          const parsed = parseRequestHeaders(headers);
          expect(parsed.dendrite).toBeDefined();
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('with arbitrary bodies, the whole request parser only throws ProtocolErrors', () => {
    const body = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.constant(capturedBodySample()),
    );
    fc.assert(
      fc.property(fc.dictionary(headerName, headerValue, { maxKeys: 12 }), body, (headers, rawBody) => {
        try {
          parseRequest(TextGeneration, { headers, body: rawBody });
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

function capturedBodySample(): string {
  return readCapturedRequest('python-dendrite-request-textgeneration.http').body.toString('utf8');
}
