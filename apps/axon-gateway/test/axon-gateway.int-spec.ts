import { connect } from 'node:net';
import { Dummy, processServerResponse, RESPONSE_SIGNATURE_HEADERS, verifyResponseSignature } from '@taonode/protocol';
import { Keypair } from '@taonode/wallet';
import type { DummyWorker } from './support/dummy-worker';
import { type GatewayStack, startGatewayStack } from './support/gateway-stack';
import type { RunningGateway } from './support/gateway.app';
import {
  ALICE,
  dummyRequest,
  freshNonce,
  pingRequest,
  send,
  streamingRequest,
  textGenerationRequest,
} from './support/signed-request';

const CHARLIE = Keypair.fromUri('//Charlie');

function messageOf(body: string): string {
  return (JSON.parse(body) as { message: string }).message;
}
const DAVE = Keypair.fromUri('//Dave');
const TAO = 1_000_000_000n;

/** Raw bytes over one socket; resolves with everything the server sent before closing. */
function rawExchange(port: number, chunks: readonly string[], pauseMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let index = 0;
    let timer: NodeJS.Timeout | undefined;
    const next = (): void => {
      const chunk = chunks[index];
      index += 1;
      if (chunk === undefined || socket.destroyed) {
        return;
      }
      socket.write(chunk);
      timer = setTimeout(next, pauseMs);
    };
    socket.on('connect', next);
    socket.on('data', (data) => {
      received += data.toString('latin1');
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', reject);
  });
}

/** One request as raw bytes over one socket; resolves with every byte the server sent before closing. */
function latin1Exchange(port: number, request: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const received: Buffer[] = [];
    socket.on('data', (data) => received.push(data));
    socket.on('close', () => resolve(Buffer.concat(received)));
    socket.on('error', reject);
  });
}

describe('axon-gateway (real HTTP, real Redis, real gRPC metagraph)', () => {
  let stack: GatewayStack | undefined;
  let gateway: RunningGateway;
  let worker: DummyWorker;

  beforeAll(async () => {
    stack = await startGatewayStack(
      [
        { hotkey: ALICE.ss58Address, stakeRao: 1_000n * TAO, validatorPermit: true },
        { hotkey: CHARLIE.ss58Address, stakeRao: 1n * TAO, validatorPermit: false },
      ],
      {
        AXON_MIN_STAKE_TAO: '10',
        AXON_MAX_BODY_BYTES: String(64 * 1024),
        AXON_HEADERS_TIMEOUT_MS: '1000',
        AXON_REQUEST_TIMEOUT_MS: '2000',
      },
    );
    ({ gateway, worker } = stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers a Python-format Dummy(4) with 200 and dummy_output 8, parsed by the Python rules and signed', async () => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey });
    const response = await send(gateway.url, request);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('bt_header_axon_status_code')).toBe('200');
    const headers = Object.fromEntries(response.headers.entries());
    const processed = processServerResponse(Dummy, Dummy.validate(request.synapse), {
      status: response.status,
      headers,
      body: response.body,
    });
    expect(processed.statusCode).toBe(200n);
    expect(processed.synapse.dummy_output).toBe(8n);
    // Nonces stay exact integers in the body (above 2^53).
    expect(response.body).toContain(`"nonce":${request.synapse.dendrite?.nonce?.toString() ?? 'x'}`);
    expect(headers[RESPONSE_SIGNATURE_HEADERS.hotkey]).toBe(gateway.hotkey);
    expect(() =>
      verifyResponseSignature({
        headers,
        body: response.body,
        status: response.status,
        request: {
          nonce: request.synapse.dendrite?.nonce ?? null,
          hotkey: ALICE.ss58Address,
          uuid: request.synapse.dendrite?.uuid ?? null,
        },
        expectedAxonHotkey: gateway.hotkey,
      }),
    ).not.toThrow();
  });

  it('streams a StreamingTextGeneration answer as text/event-stream chunks with the bt headers up front', async () => {
    const request = streamingRequest({ axonHotkey: gateway.hotkey, prompt: 'streamed tokens' });
    const response = await fetch(`${gateway.url}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('bt_header_axon_status_code')).toBe('200');
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for await (const chunk of response.body ?? []) {
      chunks.push(decoder.decode(chunk as Uint8Array, { stream: true }));
    }
    expect(chunks.join('')).toBe('streamed tokens');
  });

  it('answers the built-in Synapse ping 200 after verification, without a worker', async () => {
    const taken = worker.taken();
    const response = await send(gateway.url, pingRequest({ axonHotkey: gateway.hotkey }));
    expect(response.status).toBe(200);
    expect(response.headers.get('bt_header_axon_status_code')).toBe('200');
    expect(worker.taken()).toBe(taken);
    const unsigned = pingRequest({ axonHotkey: gateway.hotkey });
    const headers: Record<string, string> = { ...unsigned.headers, bt_header_dendrite_signature: '' };
    expect((await send(gateway.url, { ...unsigned, headers })).status).toBe(401);
  });

  it('refuses a bad signature with 401 "Signature mismatch"', async () => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey });
    const forged = { ...request.headers, bt_header_dendrite_signature: `0x${'11'.repeat(64)}` };
    const response = await send(gateway.url, { ...request, headers: forged });
    expect(response.status).toBe(401);
    expect(response.headers.get('bt_header_axon_status_code')).toBe('401');
    expect(messageOf(response.body)).toMatch(/^Not Verified with error: Signature mismatch with /);
  });

  it.each([
    ['empty', ''],
    ['missing', undefined],
  ])('refuses an %s signature with 401 (never skips verification)', async (_label, signature) => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey });
    const headers: Record<string, string> = { ...request.headers };
    if (signature === undefined) {
      delete headers.bt_header_dendrite_signature;
    } else {
      headers.bt_header_dendrite_signature = signature;
    }
    const response = await send(gateway.url, { ...request, headers });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual({ message: 'Not Verified with error: Missing Signature' });
    expect(worker.taken()).toBeGreaterThan(0);
  });

  it('refuses a replayed nonce with 401 "Nonce is too old, a newer one was last processed"', async () => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey });
    expect((await send(gateway.url, request)).status).toBe(200);
    const replay = await send(gateway.url, request);
    expect(replay.status).toBe(401);
    expect(JSON.parse(replay.body)).toEqual({
      message: 'Not Verified with error: Nonce is too old, a newer one was last processed',
    });
  });

  it('refuses a stale first nonce (30 s old) and a nonce far in the future with 401', async () => {
    const stale = dummyRequest({ axonHotkey: gateway.hotkey, nonce: freshNonce() - 30_000_000_000n });
    const staleResponse = await send(gateway.url, stale);
    expect(staleResponse.status).toBe(401);
    expect(messageOf(staleResponse.body)).toMatch(
      /^Not Verified with error: Nonce is too old: acceptable delta is 16\.00 seconds/,
    );
    const future = dummyRequest({ axonHotkey: gateway.hotkey, nonce: freshNonce() + 60_000_000_000n });
    const futureResponse = await send(gateway.url, future);
    expect(futureResponse.status).toBe(401);
    expect(messageOf(futureResponse.body)).toMatch(/Nonce is too far in the future/);
  });

  it('answers 404 with the SDK message for an unknown synapse', async () => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey });
    const response = await send(gateway.url, { ...request, path: '/NoSuchSynapse' });
    expect(response.status).toBe(404);
    expect(messageOf(response.body)).toBe(
      "Synapse name 'NoSuchSynapse' not found. Available synapses ['Synapse', 'Dummy', 'TextGeneration', 'StreamingTextGeneration']",
    );
    expect(response.headers.get('bt_header_axon_status_code')).toBe('404');
  });

  it('refuses an unregistered hotkey and a stake below the minimum with 403, before verifying', async () => {
    const unregistered = await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey, signer: DAVE }));
    expect(unregistered.status).toBe(403);
    expect(JSON.parse(unregistered.body)).toEqual({ message: 'Forbidden. Key is blacklisted: Unrecognized hotkey.' });
    const lowStake = await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey, signer: CHARLIE }));
    expect(lowStake.status).toBe(403);
    expect(JSON.parse(lowStake.body)).toEqual({ message: 'Forbidden. Key is blacklisted: Stake below minimum.' });
  });

  it('echoes a latin-1 header value one byte per character, as Starlette encodes headers', async () => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey, signer: DAVE });
    const headers = { ...request.headers, bt_header_dendrite_uuid: 'caf\u00e9', 'content-type': 'application/json' };
    const headerLines = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const head = `POST /Dummy HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(request.body)}\r\n${headerLines}\r\n`;
    const raw = await latin1Exchange(
      gateway.port,
      Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(request.body)]),
    );
    expect(raw.subarray(0, 12).toString('latin1')).toBe('HTTP/1.1 403');
    expect(raw.includes(Buffer.from('bt_header_dendrite_uuid: caf\xe9\r\n', 'latin1'))).toBe(true);
  });

  it('refuses a body over the limit with 413 before reading it', async () => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey });
    const response = await send(gateway.url, {
      ...request,
      body: `${request.body.slice(0, -1)}, "pad": "${'x'.repeat(128 * 1024)}"}`,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('bt_header_axon_status_code')).toBe('413');
  });

  it('rejects a 16 KB hotkey header without decoding it (431)', async () => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey });
    const oversized = await send(gateway.url, request, { bt_header_dendrite_hotkey: '5'.repeat(16 * 1024) }).catch(
      () => ({ status: 431, headers: new Headers(), body: '' }),
    );
    expect(oversized.status).toBe(431);
    const longButUnder = await send(gateway.url, request, { bt_header_dendrite_hotkey: '5'.repeat(2048) });
    expect(longButUnder.status).toBe(431);
    expect(JSON.parse(longButUnder.body)).toEqual({ message: 'Header bt_header_dendrite_hotkey is too large' });
  });

  it('refuses a body whose hash disagrees with the signed header (500, as the SDK) before any work', async () => {
    const request = textGenerationRequest({ axonHotkey: gateway.hotkey });
    const tampered = request.body.replace('"prompt": "hello"', '"prompt": "HELLO"');
    expect(tampered).not.toBe(request.body);
    const taken = worker.taken();
    const response = await send(gateway.url, { ...request, body: tampered });
    expect(response.status).toBe(500);
    expect(messageOf(response.body)).toMatch(/^Internal Server Error #[0-9a-f-]{36}$/);
    expect(worker.taken()).toBe(taken);
  });

  it('refuses a body whose terminal info disagrees with the signed headers (400)', async () => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey });
    const mismatched = request.body.replace(/"nonce": \d+/, '"nonce": 1');
    expect(mismatched).not.toBe(request.body);
    const response = await send(gateway.url, { ...request, body: mismatched });
    expect(response.status).toBe(400);
    expect(response.headers.get('bt_header_axon_status_code')).toBe('400');
  });

  it('cuts off a client dribbling its headers byte by byte, while others are served', async () => {
    const head = `POST /Dummy HTTP/1.1\r\nhost: x\r\n${'x-slow: 1\r\n'.repeat(40)}`;
    const slow = rawExchange(gateway.port, [...head], 100);
    const served = await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey }));
    expect(served.status).toBe(200);
    const received = await slow;
    expect(received === '' || received.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('cuts off a client dribbling its body, while others are served', async () => {
    const request = dummyRequest({ axonHotkey: gateway.hotkey });
    const headerLines = Object.entries({ ...request.headers, 'content-type': 'application/json' })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const head = `POST /Dummy HTTP/1.1\r\nhost: x\r\ncontent-length: ${request.body.length}\r\n${headerLines}\r\n`;
    const slow = rawExchange(gateway.port, [head, ...request.body.slice(0, 60)], 100);
    const served = await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey }));
    expect(served.status).toBe(200);
    const received = await slow;
    expect(received === '' || /^HTTP\/1\.1 (408|400)/.test(received)).toBe(true);
  });
});
