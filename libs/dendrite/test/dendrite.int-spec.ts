import { Dummy, type DendriteTransportError } from '@taonode/protocol';
import { freePort, loadBittensorVectors } from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import {
  Dendrite,
  DendriteError,
  hotkeySigner,
  type AxonTarget,
  type DendriteResponse,
  type PreparedCall,
} from '../src';
import { honestDummyMiner, startFakeAxon, type AxonBehaviour, type FakeAxon } from './support/fake-axon';

interface ResponseVector {
  status: number;
  json_body: Record<string, unknown>;
  headers: Record<string, string>;
}

const validator = Keypair.fromUri('//Alice');
const miner = Keypair.fromUri('//Bob');
const vectors = loadBittensorVectors<{ response_dummy_success: ResponseVector }>();

describe('Dendrite against in-process axons', () => {
  let dendrite: Dendrite;
  const axons: FakeAxon[] = [];

  beforeAll(async () => {
    dendrite = await Dendrite.create({
      signer: hotkeySigner(validator),
      externalIp: '127.0.0.1',
      maxResponseBytes: 64 * 1024,
    });
  });

  afterEach(async () => {
    await Promise.all(axons.splice(0).map((axon) => axon.close()));
  });

  afterAll(async () => {
    await dendrite.close();
  });

  async function axon(behaviour: AxonBehaviour): Promise<AxonTarget> {
    const started = await startFakeAxon(behaviour);
    axons.push(started);
    return { ip: '127.0.0.1', port: started.port, hotkey: miner.ss58Address };
  }

  function onlyCall(target: AxonTarget, timeoutSeconds: number): PreparedCall<typeof Dummy.shape> {
    const [call] = dendrite.prepare(Dummy, Dummy.create({ dummy_input: 1 }), [target], timeoutSeconds);
    if (call === undefined) {
      throw new Error('no call prepared');
    }
    return call;
  }

  async function callOne(
    target: AxonTarget,
    timeoutSeconds = 2,
    input = 4,
  ): Promise<DendriteResponse<typeof Dummy.shape>> {
    const [response] = await dendrite.forward(Dummy, Dummy.create({ dummy_input: input }), [target], timeoutSeconds);
    if (response === undefined) {
      throw new Error('no response');
    }
    return response;
  }

  it('records 200 and the output from an honest miner that verified our signature and body hash', async () => {
    const response = await callOne(await axon(honestDummyMiner(miner.ss58Address)), 2, 21);
    expect(response.statusCode).toBe(200);
    expect(response.statusMessage).toBe('Success');
    expect(response.isSuccess).toBe(true);
    expect(response.synapse.dummy_output).toBe(42n);
    expect(response.writtenAtMs).not.toBeNull();
    expect(response.processTimeSeconds).toBeGreaterThan(0);
    expect(response.synapse.dendrite?.process_time).toBe(response.processTimeSeconds);
  });

  it('sends the headers a Python axon requires (input_obj dummies, signed nonce, content-type)', async () => {
    const started = await startFakeAxon(honestDummyMiner(miner.ss58Address));
    axons.push(started);
    await callOne({ ip: '127.0.0.1', port: started.port, hotkey: miner.ss58Address });
    const [request] = started.requests;
    expect(request?.path).toBe('/Dummy');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['bt_header_input_obj_dummy_input']).toBeDefined();
    expect(request?.headers['bt_header_dendrite_hotkey']).toBe(validator.ss58Address);
    expect(request?.headers['bt_header_axon_hotkey']).toBe(miner.ss58Address);
    expect(request?.headers['bt_header_dendrite_signature']).toMatch(/^0x[0-9a-f]{128}$/);
  });

  it('gives each request to one axon a strictly larger nonce', async () => {
    const started = await startFakeAxon(honestDummyMiner(miner.ss58Address));
    axons.push(started);
    const target = { ip: '127.0.0.1', port: started.port, hotkey: miner.ss58Address };
    const responses = await dendrite.forward(Dummy, Dummy.create({ dummy_input: 1 }), [target, target, target], 2);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const nonces = dendrite
      .prepare(Dummy, Dummy.create({ dummy_input: 1 }), [target, target, target], 2)
      .map((call) => call.request.synapse.dendrite?.nonce ?? 0n);
    expect([...nonces].sort((a, b) => (a < b ? -1 : 1))).toEqual(nonces);
    expect(new Set(nonces).size).toBe(3);
  });

  it('parses the Python axon success vector as the Python dendrite does', async () => {
    const vector = vectors.response_dummy_success;
    const response = await callOne(
      await axon((_request, _body, res) => {
        res.writeHead(vector.status, { ...vector.headers, 'content-type': 'application/json' });
        res.end(JSON.stringify(vector.json_body));
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.statusMessage).toBe('Success');
    expect(response.synapse.dummy_output).toBe(8n);
  });

  it('records 422 "Failed to parse response" for garbage JSON', async () => {
    const response = await callOne(
      await axon((_request, _body, res) => {
        res.writeHead(200, { 'content-type': 'application/json', bt_header_axon_status_code: '200' });
        res.end('{"dummy_output": 8,,,');
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.statusMessage).toMatch(/^Failed to parse response: /);
    expect(response.isSuccess).toBe(false);
  });

  it('records 422 for a 200 whose content type is not JSON', async () => {
    const response = await callOne(
      await axon((_request, _body, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', bt_header_axon_status_code: '200' });
        res.end('{"dummy_output": 8}');
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.statusMessage).toContain('Attempt to decode JSON with unexpected mimetype: text/plain');
  });

  it('records 422 for a 200 body holding only the output field (the synapse cannot be rebuilt)', async () => {
    const response = await callOne(
      await axon((_request, _body, res) => {
        res.writeHead(200, { 'content-type': 'application/json', bt_header_axon_status_code: '200' });
        res.end('{"dummy_output": 8}');
      }),
    );
    expect(response.statusCode).toBe(422);
  });

  it('records no status (a failure) for a 200 without the status header or body status', async () => {
    const response = await callOne(
      await axon((_request, body, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      }),
    );
    expect(response.statusCode).toBeNull();
    expect(response.isSuccess).toBe(false);
  });

  it("records the axon's own code and message for an error answer", async () => {
    const response = await callOne(
      await axon((_request, _body, res) => {
        res.writeHead(401, { 'content-type': 'application/json', bt_header_axon_status_code: '401' });
        res.end(JSON.stringify({ message: 'Not Verified with error: Signature mismatch' }));
      }),
    );
    expect(response.statusCode).toBe(401);
    expect(response.statusMessage).toBe('Not Verified with error: Signature mismatch');
  });

  it('records 400 and stops reading when a miner sends a body over the size limit', async () => {
    let bytesWritten = 0;
    const response = await callOne(
      await axon((_request, _body, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        const pump = (): void => {
          while (!res.destroyed && bytesWritten < 64 * 1024 * 1024) {
            bytesWritten += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        pump();
      }),
      30,
    );
    expect(response.statusCode).toBe(400);
    expect(response.statusMessage).toBe('Payload error: response body exceeds 65536 bytes');
    expect(response.bytesReceived).toBeLessThan(1024 * 1024);
    expect(bytesWritten).toBeLessThan(64 * 1024 * 1024);
  });

  it('records 408 "Request timeout after {t} seconds" for a miner that trickles bytes forever', async () => {
    const timers: NodeJS.Timeout[] = [];
    const response = await callOne(
      await axon((_request, _body, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        timers.push(setInterval(() => res.write(' '), 50));
      }),
      1,
    );
    timers.forEach(clearInterval);
    expect(response.statusCode).toBe(408);
    expect(response.statusMessage).toBe('Request timeout after 1.0 seconds');
  });

  it('records 408 for a miner that answers after the timeout', async () => {
    const response = await callOne(await axon(honestDummyMiner(miner.ss58Address, { delayMs: 2_500 })), 0.5);
    expect(response.statusCode).toBe(408);
    expect(response.statusMessage).toBe('Request timeout after 0.5 seconds');
  });

  it('records 503 "Service unavailable at {ip}:{port}/{Name}" for a closed port', async () => {
    const port = await freePort();
    const response = await callOne({ ip: '127.0.0.1', port, hotkey: miner.ss58Address });
    expect(response.statusCode).toBe(503);
    expect(response.statusMessage).toBe(`Service unavailable at 127.0.0.1:${port}/Dummy`);
    expect(response.writtenAtMs).toBeNull();
    expect((response.failure as DendriteTransportError).failureKind).toBe('connect');
  });

  it('records 503 "Service disconnected" when the miner drops the connection', async () => {
    const response = await callOne(await axon((request) => request.socket.destroy()));
    expect(response.statusCode).toBe(503);
    expect(response.statusMessage).toBe('Service disconnected: Server disconnected');
  });

  it('keeps every miner independent within one round', async () => {
    const honest = await axon(honestDummyMiner(miner.ss58Address));
    const slow = await axon(honestDummyMiner(miner.ss58Address, { delayMs: 3_000 }));
    const garbage = await axon((_request, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('not json');
    });
    const closed = { ip: '127.0.0.1', port: await freePort(), hotkey: miner.ss58Address };
    const responses = await dendrite.forward(
      Dummy,
      Dummy.create({ dummy_input: 3 }),
      [honest, slow, garbage, closed],
      1,
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 408, 422, 503]);
    expect(responses[0]?.synapse.dummy_output).toBe(6n);
  });

  it('refuses a bad timeout or target before signing anything', () => {
    const synapse = Dummy.create({ dummy_input: 1 });
    const target = { ip: '127.0.0.1', port: 8091, hotkey: miner.ss58Address };
    expect(() => dendrite.prepare(Dummy, synapse, [target], 0)).toThrow(DendriteError);
    expect(() => dendrite.prepare(Dummy, synapse, [target], Number.NaN)).toThrow(DendriteError);
    expect(() => dendrite.prepare(Dummy, synapse, [{ ...target, port: 0 }], 1)).toThrow(/not a TCP port/);
    expect(() => dendrite.prepare(Dummy, synapse, [{ ...target, ip: 'example.com' }], 1)).toThrow(/not an IP address/);
  });

  describe('taonode response signatures', () => {
    let strict: Dendrite;

    beforeAll(async () => {
      strict = await Dendrite.create({ signer: validator, externalIp: '127.0.0.1', responseSignatures: 'require' });
    });

    afterAll(async () => {
      await strict.close();
    });

    it('verifies a signed answer from our gateway', async () => {
      const target = await axon(honestDummyMiner(miner.ss58Address, { signer: miner }));
      const [response] = await strict.forward(Dummy, Dummy.create({ dummy_input: 2 }), [target], 2);
      expect(response?.signature).toBe('verified');
      expect(response?.statusCode).toBe(200);
    });

    it('rejects an unsigned answer with 401 when signatures are required', async () => {
      const target = await axon(honestDummyMiner(miner.ss58Address));
      const [response] = await strict.forward(Dummy, Dummy.create({ dummy_input: 2 }), [target], 2);
      expect(response?.signature).toBe('missing');
      expect(response?.statusCode).toBe(401);
    });

    it('rejects an answer signed by another hotkey', async () => {
      const target = await axon(honestDummyMiner(miner.ss58Address, { signer: Keypair.fromUri('//Charlie') }));
      const [response] = await strict.forward(Dummy, Dummy.create({ dummy_input: 2 }), [target], 2);
      expect(response?.signature).toBe('invalid');
      expect(response?.isSuccess).toBe(false);
    });
  });

  describe('streaming', () => {
    it('yields chunks as they arrive, then the final synapse with its output', async () => {
      const target = await axon((_request, _body, res) => {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          bt_header_axon_status_code: '200',
          bt_header_axon_status_message: 'Success',
        });
        res.write('1');
        setTimeout(() => res.write('2'), 20);
        setTimeout(() => res.end('3'), 40);
      });
      const call = onlyCall(target, 2);
      const chunks: string[] = [];
      let final: DendriteResponse<typeof Dummy.shape> | undefined;
      for await (const event of dendrite.stream(call, {
        finalFields: (received) => ({ dummy_output: BigInt(Buffer.concat(received).toString()) }),
      })) {
        if (event.type === 'chunk') {
          chunks.push(event.chunk.toString());
        } else {
          final = event.response;
        }
      }
      expect(chunks.join('')).toBe('123');
      expect(final?.statusCode).toBe(200);
      expect(final?.synapse.dummy_output).toBe(123n);
    });

    it('ends a stream that trickles forever at the timeout with 408', async () => {
      const timers: NodeJS.Timeout[] = [];
      const target = await axon((_request, _body, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream', bt_header_axon_status_code: '200' });
        timers.push(setInterval(() => res.write('x'), 50));
      });
      const call = onlyCall(target, 0.5);
      let final: DendriteResponse<typeof Dummy.shape> | undefined;
      for await (const event of dendrite.stream(call)) {
        if (event.type === 'final') {
          final = event.response;
        }
      }
      timers.forEach(clearInterval);
      expect(final?.statusCode).toBe(408);
    });

    it('parses an error answer on a streaming call like any response', async () => {
      const target = await axon((_request, _body, res) => {
        res.writeHead(403, { 'content-type': 'application/json', bt_header_axon_status_code: '403' });
        res.end(JSON.stringify({ message: 'Forbidden. Key is blacklisted: Unrecognized hotkey.' }));
      });
      const call = onlyCall(target, 2);
      const events = [];
      for await (const event of dendrite.stream(call)) {
        events.push(event);
      }
      expect(events).toHaveLength(1);
      const [only] = events;
      expect(only?.type === 'final' && only.response.statusCode).toBe(403);
    });
  });
});
